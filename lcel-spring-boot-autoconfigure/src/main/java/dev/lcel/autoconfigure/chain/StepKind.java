package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.function.Predicate;

import dev.lcel.core.runnable.Runnable;

/**
 * One kind of step of a configured chain, such as {@code prompt} or {@code branch}: how it is
 * recognised in a {@link StepDefinition} and how it is built. Each step has exactly one kind.
 *
 * <p>Adding a kind is one new class: extend this one with the kind's key, how to see it in a step
 * and how to build it, list the instance in {@link #ALL}, and give {@link StepDefinition} the
 * property its key binds. The error messages, the JSON Schema of the grammar and the assembly all
 * read {@link #ALL}.
 */
abstract class StepKind {

	/** Every kind, in the order the error messages and the schema list them. */
	static final List<StepKind> ALL = List.of(new PromptStep(), new MessagesStep(), new ModelStep(), new ParserStep(), new ChainStep(),
			new BeanStep(), new ParallelStep(), new PassthroughStep(), new AssignStep(), new PickStep(), new BranchStep(),
			new AgentStep());

	private final String key;

	private final Predicate<StepDefinition> present;

	/**
	 * Create a kind.
	 * @param key the kind's key in YAML, such as {@code prompt}
	 * @param present whether a step has the key set
	 */
	StepKind(String key, Predicate<StepDefinition> present) {
		this.key = key;
		this.present = present;
	}

	/**
	 * Return the kind's key in YAML, such as {@code prompt}.
	 * @return the key
	 */
	final String key() {
		return this.key;
	}

	/**
	 * Return whether a step is of this kind: whether its key is set.
	 * @param step the step
	 * @return whether the step has this kind's key
	 */
	final boolean isIn(StepDefinition step) {
		return this.present.test(step);
	}

	/**
	 * Build a step of this kind, recording its problems in {@link Steps#problems()}.
	 * @param path the property path of the step, such as {@code lcel.chains.joke.steps[0]}
	 * @param step the step
	 * @param steps the assembly of the chain the step is in, to build the steps inside this one
	 * @return the step; an {@link Problems#invalid(String, String) invalid} one if it has problems
	 */
	abstract Runnable<Object, Object> build(String path, StepDefinition step, Steps steps);

	/**
	 * Return whether a step of this kind may have an {@code output}.
	 * @return {@code false} unless the kind makes structured output
	 */
	boolean takesOutput() {
		return false;
	}

	/**
	 * Return the keys of every kind.
	 * @return the keys, in order
	 */
	static List<String> keys() {
		return ALL.stream().map(StepKind::key).toList();
	}

}
