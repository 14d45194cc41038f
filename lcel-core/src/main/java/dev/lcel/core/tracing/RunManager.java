package dev.lcel.core.tracing;

import dev.lcel.core.config.RunnableConfig;

/**
 * One run as the runnable doing its work sees it: where the configs of its children come from,
 * so that they become runs of this run. Made by the run protocol ({@link Runs}) and handed to a
 * runnable's work method; LangChain's run manager.
 *
 * <p>When nobody listens (no callback handlers) it is a thin holder of the caller's config, and
 * children get that config as it is.
 */
public final class RunManager {

	private final RunnableConfig child;

	private final RunTracker tracker;

	RunManager(RunnableConfig child, RunTracker tracker) {
		this.child = child;
		this.tracker = tracker;
	}

	static RunManager silent(RunnableConfig config) {
		return new RunManager(config.forChild(), null);
	}

	/**
	 * Return the config for a child run: this run's config, without its run name and id, with this
	 * run as the child's parent.
	 * @return the child's config
	 */
	public RunnableConfig child() {
		return this.child;
	}

	/**
	 * Return the config for a child run that carries {@code tag} on its own run only, as LangChain
	 * tags the steps of a sequence ({@code seq:step:N}), the branches of a parallel
	 * ({@code map:key:K}) and the attempts of a retry ({@code retry:attempt:N}).
	 * @param tag the child's tag
	 * @return the child's config
	 */
	public RunnableConfig child(String tag) {
		if (this.tracker == null) {
			return this.child;
		}
		RunCallbacks callbacks = (RunCallbacks) this.child.callbacks();
		return this.child.withCallbacks(new RunCallbacks(callbacks.handlers(), callbacks.parent(), tag));
	}

	/**
	 * Return whether a handler reads this run's chunks one by one: a chat model asked for a whole
	 * answer then streams it anyway, reporting each chunk with {@link #onChunk}, as LangChain does
	 * when an event or log stream listens.
	 * @return {@code true} if chunks are watched
	 */
	public boolean watchesChunks() {
		return this.tracker != null && this.tracker.watchesChunks();
	}

	/**
	 * Report a chunk of this run's output that the protocol does not see, such as a token of a
	 * chat model that was invoked rather than streamed.
	 * @param chunk the chunk
	 */
	public void onChunk(Object chunk) {
		if (this.tracker != null) {
			this.tracker.report(chunk);
		}
	}

}
