package dev.lcel.core.tracing.internal;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;

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

	/**
	 * Report the chunks in a {@link TrackedFlux}: where they are the run's own streamed output, the
	 * operator that watches the output reports them too, and the chunks pass one operator fewer.
	 */
	@Override
	public <T> Flux<T> reportChunks(Flux<T> chunks) {
		return this.tracker.reportsChunks() ? new TrackedFlux<>(chunks, this.tracker, TrackedFlux.Role.REPORTED) : chunks;
	}

}
