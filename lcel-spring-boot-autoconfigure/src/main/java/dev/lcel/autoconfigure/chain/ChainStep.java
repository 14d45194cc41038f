package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;

/**
 * The {@code chain} step: another chain by name, a configured chain or a {@link Runnable} bean.
 */
final class ChainStep extends StepKind {

	ChainStep() {
		super("chain", (step) -> step.chain() != null);
	}

	@Override
	Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return steps.reference(path + ".chain", step.chain());
	}

}
