package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;

/**
 * The {@code chain} step: another chain by name, a configured chain or a {@link Runnable} bean.
 */
final class ChainStep implements StepKind {

	@Override
	public String key() {
		return "chain";
	}

	@Override
	public boolean isIn(StepDefinition step) {
		return step.getChain() != null;
	}

	@Override
	public Runnable<Object, Object> build(String path, StepDefinition step, Steps steps) {
		return steps.reference(path + ".chain", step.getChain());
	}

}
