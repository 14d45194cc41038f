package dev.lcel.core.tracing.internal;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunManager;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The run of a call that handlers listen to: its children's configs carry the handlers and this run
 * as their parent, and the chunks it reports go to its {@link RunTracker}.
 *
 * <p>A child's config is made when the run's work asks for it: a sequence asks for one per step,
 * each with its tag, and a run without children (a prompt, a model, a parser) for none.
 */
final class TrackedRunManager implements RunManager {

	private final RunnableConfig config;

	private final List<CallbackHandler> handlers;

	private final RunTracker tracker;

	/** The untagged child's config, made once; racy but idempotent (configs are immutable). */
	private @Nullable RunnableConfig child;

	TrackedRunManager(RunnableConfig config, List<CallbackHandler> handlers, RunTracker tracker) {
		this.config = config;
		this.handlers = handlers;
		this.tracker = tracker;
	}

	@Override
	public RunnableConfig child() {
		RunnableConfig child = this.child;
		if (child == null) {
			child = this.config.withCallbacks(new RunCallbacks(this.handlers, this.tracker.run(), null));
			this.child = child;
		}
		return child;
	}

	@Override
	public RunnableConfig child(String tag) {
		return this.config.withCallbacks(new RunCallbacks(this.handlers, this.tracker.run(), tag));
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
