package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnablePick;

/**
 * The {@code pick} step: the value of one key of a map input, or a map of several.
 */
final class PickStep implements StepKind {

	@Override
	public String key() {
		return "pick";
	}

	@Override
	public boolean isIn(StepDefinition step) {
		return !step.getPick().isEmpty();
	}

	@Override
	public Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnablePick.of(step.getPick().toArray(String[]::new)));
	}

}
