package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnablePassthrough;

/**
 * The {@code passthrough: true} step: the input, unchanged.
 */
final class PassthroughStep implements StepKind {

	@Override
	public String key() {
		return "passthrough";
	}

	@Override
	public boolean isIn(StepDefinition step) {
		return Boolean.TRUE.equals(step.getPassthrough());
	}

	@Override
	public Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnablePassthrough.create());
	}

}
