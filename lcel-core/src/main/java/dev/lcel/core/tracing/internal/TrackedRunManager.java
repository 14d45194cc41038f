package dev.lcel.core.tracing.internal;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;

/**
 * The run of a call that handlers listen to: its children's configs carry the handlers and this run
 * as their parent, and the chunks it reports go to its {@link RunTracker}.
 */
final class TrackedRunManager implements RunManager {

	private final RunnableConfig child;

	private final RunTracker tracker;

	TrackedRunManager(RunnableConfig child, RunTracker tracker) {
		this.child = child;
		this.tracker = tracker;
	}

	@Override
	public RunnableConfig child() {
		return this.child;
	}

	@Override
	public RunnableConfig child(String tag) {
		RunCallbacks callbacks = (RunCallbacks) this.child.callbacks();
		return this.child.withCallbacks(new RunCallbacks(callbacks.handlers(), callbacks.parent(), tag));
	}

	@Override
	public boolean watchesChunks() {
		return this.tracker.reportsChunks();
	}

	@Override
	public void onChunk(Object chunk) {
		this.tracker.report(chunk);
	}

}
