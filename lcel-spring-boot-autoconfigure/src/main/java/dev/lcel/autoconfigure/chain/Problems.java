package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;

/**
 * The problems found while assembling the chains of {@code lcel.chains}, each starting with its
 * property path, reported all at once. A step that cannot be built is stood in for by an
 * {@link #invalid(String, String) invalid} step, so that assembly goes on and finds the other
 * problems too; the chains are never used while there is a problem.
 */
final class Problems {

	private final List<String> problems = new ArrayList<>();

	/**
	 * Record a problem.
	 * @param path the property path it is at
	 * @param message what is wrong, and the valid choices
	 */
	void add(String path, String message) {
		this.problems.add(path + ": " + message);
	}

	/**
	 * Record a problem and return the step that stands in for what could not be built.
	 * @param <T> the output type the step would have had
	 * @param path the property path it is at
	 * @param message what is wrong, and the valid choices
	 * @return a step that fails if it is ever run
	 */
	<T> Runnable<Object, T> invalid(String path, String message) {
		add(path, message);
		return standIn(path);
	}

	/**
	 * Return the step that stands in for one whose problems are recorded already.
	 * @param <T> the output type the step would have had
	 * @param path the property path of the step
	 * @return a step that fails if it is ever run
	 */
	<T> Runnable<Object, T> standIn(String path) {
		return RunnableLambda.of("invalid step at " + path, (Object input) -> {
			throw new IllegalStateException("The step at " + path + " is invalid; see the startup report");
		});
	}

	/**
	 * Return how many problems there are, to tell whether a check found any.
	 * @return the number of problems so far
	 */
	int count() {
		return this.problems.size();
	}

	/**
	 * Return the problems found.
	 * @return the problems, in the order found; empty when the chains are right
	 */
	List<String> list() {
		return List.copyOf(this.problems);
	}

}
