package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnablePick;

/**
 * The {@code pick} step: the value of one key of a map input, or a map of several.
 */
final class PickStep extends StepKind {

	PickStep() {
		super("pick", (step) -> !step.pick().isEmpty());
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnablePick.of(step.pick().toArray(String[]::new)));
	}

}
