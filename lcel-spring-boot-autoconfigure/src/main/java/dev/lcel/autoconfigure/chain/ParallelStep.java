package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableParallel;

/**
 * The {@code parallel} step: named steps run at once on the step's input, producing a map by name.
 */
final class ParallelStep extends StepKind {

	ParallelStep() {
		super("parallel", (step) -> !step.parallel().isEmpty());
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnableParallel.of(steps.each(path + ".parallel", step.parallel())));
	}

}
