package dev.lcel.autoconfigure.chain;

import java.util.List;

import dev.lcel.core.LcelException;

/**
 * Thrown at startup when chains under {@code lcel.chains} or the models they use under
 * {@code lcel.models} are wrong; lists every problem, each with the property path it is at and the
 * valid choices.
 */
public class InvalidChainDefinitionException extends LcelException {

	private final List<String> problems;

	/**
	 * Create an exception listing the given problems.
	 * @param problems each problem, starting with its property path
	 */
	public InvalidChainDefinitionException(List<String> problems) {
		super("Invalid lcel configuration:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems found.
	 * @return each problem, starting with its property path
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
