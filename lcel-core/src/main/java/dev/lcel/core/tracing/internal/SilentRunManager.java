package dev.lcel.core.tracing.internal;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;

/**
 * The run of a call nobody listens to: children get the caller's config as it is, and chunks go
 * nowhere.
 */
final class SilentRunManager implements RunManager {

	private final RunnableConfig child;

	SilentRunManager(RunnableConfig config) {
		this.child = config.forChild();
	}

	@Override
	public RunnableConfig child() {
		return this.child;
	}

	@Override
	public RunnableConfig child(String tag) {
		return this.child;
	}

	@Override
	public boolean watchesChunks() {
		return false;
	}

	@Override
	public void onChunk(Object chunk) {
	}

}
