package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;

/**
 * The {@code assign} step: keys added to a map input, each computed by a step from that input.
 */
final class AssignStep extends StepKind {

	AssignStep() {
		super("assign", (step) -> !step.assign().isEmpty());
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnableAssign.of(steps.each(path + ".assign", step.assign())));
	}

}
