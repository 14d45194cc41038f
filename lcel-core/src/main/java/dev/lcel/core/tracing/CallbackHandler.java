package dev.lcel.core.tracing;

import org.jspecify.annotations.Nullable;

/**
 * Receives the lifecycle of runs: passed in {@link dev.lcel.core.config.RunnableConfig#callbacks()}
 * and told about the run it was given to and every run beneath it (there is no JVM-wide registry:
 * a handler hears only the runs of the configs that carry it).
 *
 * <p>All methods have empty defaults so a handler implements only what it needs. Handlers are
 * called on whatever thread the run is on, possibly several at once for the branches of a parallel;
 * they must be thread-safe and must not block. An exception thrown by a handler fails the run.
 */
public interface CallbackHandler {

	/**
	 * Called when a run starts.
	 * @param run the run
	 * @param input the run's input, or {@code null} when it arrives as a stream (it is then given
	 * to {@link #onRunEnd})
	 */
	default void onRunStart(RunInfo run, @Nullable Object input) {
	}

	/**
	 * Called for each chunk a streaming run emits, as it is emitted.
	 * @param run the run
	 * @param chunk the chunk
	 */
	default void onRunStream(RunInfo run, Object chunk) {
	}

	/**
	 * Called when a run completes.
	 * @param run the run
	 * @param input the run's input (the aggregate of its chunks when it was streamed in)
	 * @param output the run's output (the aggregate of its chunks when it streamed)
	 */
	default void onRunEnd(RunInfo run, @Nullable Object input, @Nullable Object output) {
	}

	/**
	 * Called when a run fails or is cancelled.
	 * @param run the run
	 * @param error the failure; a {@link java.util.concurrent.CancellationException} when the
	 * caller cancelled the run
	 */
	default void onRunError(RunInfo run, Throwable error) {
	}

	/**
	 * Return whether this handler reads the inputs and outputs passed to {@link #onRunEnd}: when no
	 * handler does, runs do not collect their streamed chunks, which makes watching a stream cheaper.
	 * @return {@code true} by default
	 */
	default boolean needsInputsAndOutputs() {
		return true;
	}

	/**
	 * Return whether this handler reads the chunks passed to {@link #onRunStream}: when no handler
	 * does (and none needs outputs), a streaming run is not observed chunk by chunk at all, and is
	 * reported as started when it is subscribed.
	 * @return {@code true} by default
	 */
	default boolean needsChunks() {
		return true;
	}

	/**
	 * Return whether this handler reads the input and output of one run passed to {@link #onRunEnd}:
	 * asked once, when the run is made, for handlers whose {@link #needsInputsAndOutputs()} is
	 * {@code true}. When no handler reads them, a streaming run does not collect its chunks.
	 * @param run the run
	 * @return {@link #needsInputsAndOutputs()} by default
	 */
	default boolean needsInputsAndOutputs(RunInfo run) {
		return needsInputsAndOutputs();
	}

	/**
	 * Return whether this handler reads the chunks of one run, passed to {@link #onRunStream}: asked
	 * once, when the run is made (before its start), for handlers whose {@link #needsChunks()} is
	 * {@code true}. A handler that reports only some runs (an event stream with a
	 * {@link RunFilter}) answers {@code false} for the others, and no chunk of theirs reaches it.
	 * @param run the run
	 * @return {@link #needsChunks()} by default
	 */
	default boolean needsChunks(RunInfo run) {
		return needsChunks();
	}

	/**
	 * Called for an event that user code dispatched with {@link Runs#dispatchCustomEvent}.
	 * @param run the run that dispatched it
	 * @param name the event's name
	 * @param data the event's data
	 */
	default void onCustomEvent(RunInfo run, String name, @Nullable Object data) {
	}

}
