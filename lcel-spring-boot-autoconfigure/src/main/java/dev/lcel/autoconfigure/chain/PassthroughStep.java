package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnablePassthrough;

/**
 * The {@code passthrough: true} step: the input, unchanged.
 */
final class PassthroughStep extends StepKind {

	PassthroughStep() {
		super("passthrough", (step) -> Boolean.TRUE.equals(step.passthrough()));
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return Steps.erase(RunnablePassthrough.create());
	}

}
