package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableSequence;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the steps of one configured chain: finds each step's {@link StepKind}, has it build the
 * step, and adds the step's {@code retry} and {@code fallbacks}. The kinds call back here to build
 * the steps inside theirs and to refer to other chains; every problem goes to {@link #problems()}.
 *
 * @param chain the name of the chain
 * @param problems where every problem of the chain's steps is recorded
 * @param beans the bean factory, for the beans that steps name
 * @param references the references between chains, to refer to other chains and find cycles
 * @param models the models the steps use, by property path
 * @param outputs the builder of a model step's structured output
 */
record Steps(String chain, Problems problems, ListableBeanFactory beans, ChainReferences references, ModelUses models,
		StructuredOutputStep outputs) {

	/**
	 * Build one step.
	 * @param path the step's property path, such as {@code lcel.chains.joke.steps[0]}
	 * @param step the step, or {@code null} where the configuration leaves a gap
	 * @return the step; an invalid one if it has problems
	 */
	Runnable<Object, Object> step(String path, @Nullable StepDefinition step) {
		if (step == null) {
			return this.problems.invalid(path, "missing step; a step is one of " + StepKind.keys());
		}
		List<StepKind> kinds = StepKind.ALL.stream().filter((kind) -> kind.isIn(step)).toList();
		if (kinds.size() != 1) {
			return this.problems.invalid(path, "a step needs exactly one of " + StepKind.keys() + ", found "
					+ (kinds.isEmpty() ? "none" : kinds.stream().map(StepKind::key).toList()));
		}
		StepKind kind = kinds.get(0);
		if (step.output() != null && !kind.takesOutput()) {
			return this.problems.invalid(path + ".output", "only a model step has an output; this is a " + kind.key()
					+ " step");
		}
		return decorate(path, step, kind.build(path, step, this));
	}

	/**
	 * Build steps run one after another.
	 * @param path the property path of the list
	 * @param steps the steps, at least one
	 * @return the one step, or a sequence of them
	 */
	Runnable<Object, Object> sequence(String path, List<StepDefinition> steps) {
		List<Runnable<Object, Object>> built = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			built.add(step(path + "[" + i + "]", steps.get(i)));
			if (i > 0) {
				checkVariables(path + "[" + i + "]", steps.get(i - 1), steps.get(i), built.get(i));
			}
		}
		return (built.size() == 1) ? built.get(0) : RunnableSequence.fromSteps(built);
	}

	/**
	 * Build named steps, as a {@code parallel} or an {@code assign} has them.
	 * @param path the property path of the map
	 * @param steps the steps by name
	 * @return the built steps by name, in the same order
	 */
	Map<String, Runnable<Object, Object>> each(String path, Map<String, StepDefinition> steps) {
		Map<String, Runnable<Object, Object>> built = new LinkedHashMap<>();
		steps.forEach((key, step) -> built.put(key, step(path + "." + key, step)));
		return built;
	}

	/**
	 * Refer to a chain by name, a configured chain or a {@link Runnable} bean, resolved on first use.
	 * @param path the property path of the name
	 * @param name the chain's name
	 * @return the reference; an invalid step if there is no such chain
	 */
	Runnable<Object, Object> reference(String path, String name) {
		if (!this.references.exists(name)) {
			return this.problems.invalid(path, "unknown chain '" + name + "'; chains: " + this.references.names());
		}
		return this.references.to(this.chain, name);
	}

	private Runnable<Object, Object> decorate(String path, StepDefinition step, Runnable<Object, Object> runnable) {
		Runnable<Object, Object> decorated = runnable;
		if (step.retry() != null) {
			if (step.retry().maxAttempts() < 1) {
				return this.problems.invalid(path + ".retry.max-attempts", "must be at least 1, was "
						+ step.retry().maxAttempts());
			}
			decorated = decorated.withRetry(step.retry().toPolicy());
		}
		if (!step.fallbacks().isEmpty()) {
			List<Runnable<Object, Object>> fallbacks = new ArrayList<>();
			for (int i = 0; i < step.fallbacks().size(); i++) {
				fallbacks.add(step(path + ".fallbacks[" + i + "]", step.fallbacks().get(i)));
			}
			decorated = decorated.withFallbacks(fallbacks);
		}
		return decorated;
	}

	/**
	 * Check that a prompt after a parallel asks only for what the parallel produces: the one case
	 * where a step's output keys are known from the configuration alone.
	 */
	private void checkVariables(String path, @Nullable StepDefinition before, @Nullable StepDefinition step,
			Runnable<Object, Object> built) {
		if (before == null || step == null || before.parallel().isEmpty()
				|| (step.prompt() == null && step.messages().isEmpty())) {
			return;
		}
		Set<String> produced = before.parallel().keySet();
		built.inputSchema().path("required").forEach((variable) -> {
			if (!produced.contains(variable.asString())) {
				this.problems.add(path + "." + ((step.prompt() != null) ? "prompt" : "messages"), "variable '"
						+ variable.asString() + "' is not produced by the parallel before it, which gives " + produced);
			}
		});
	}

	@SuppressWarnings("unchecked")
	static Runnable<Object, Object> erase(Runnable<?, ?> runnable) {
		return (Runnable<Object, Object>) runnable;
	}

}
