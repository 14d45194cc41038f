package dev.lcel.core.tracing;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.ChunkAggregator;

/**
 * Follows one run for its handlers: tells them of its start, each reported chunk, and exactly one
 * of end, error or cancellation, collecting the streamed input and output on the way.
 *
 * <p>The start is reported once, by {@link #start(Object)} or, at the latest, before anything
 * else: a run that transforms a stream starts when its first input chunk arrives (as LangChain's
 * do), so it starts after the runs before it have produced something, and before its children.
 */
final class RunTracker {

	private final RunInfo run;

	private final List<CallbackHandler> handlers;

	private final RunManager manager;

	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicBoolean finished = new AtomicBoolean();

	private final ChunkAggregator input = new ChunkAggregator();

	private final ChunkAggregator output = new ChunkAggregator();

	private final boolean collect;

	private final boolean chunks;

	RunTracker(RunInfo run, List<CallbackHandler> handlers, RunnableConfig config) {
		this.run = run;
		this.handlers = handlers;
		boolean collect = false;
		boolean chunks = false;
		for (CallbackHandler handler : handlers) {
			collect |= handler.needsInputsAndOutputs();
			chunks |= handler.needsChunks();
		}
		this.collect = collect;
		this.chunks = collect || chunks;
		this.manager = new RunManager(config.withCallbacks(new RunCallbacks(handlers, run, null)), this);
	}

	RunInfo run() {
		return this.run;
	}

	RunManager manager() {
		return this.manager;
	}

	/**
	 * Return whether the run's chunks must be seen one by one, by a handler or to collect them.
	 */
	boolean watchesChunks() {
		return this.chunks;
	}

	/**
	 * Report the start, with the input if it is known ({@code null} when it streams in).
	 */
	void start(Object input) {
		if (this.started.compareAndSet(false, true)) {
			if (input != null) {
				input(input);
			}
			for (CallbackHandler handler : this.handlers) {
				handler.onRunStart(this.run, input);
			}
		}
	}

	/**
	 * Take the next chunk of a streamed input; the first one starts the run.
	 */
	void inputChunk(Object chunk) {
		start(null);
		input(chunk);
	}

	private void input(Object chunk) {
		if (this.collect) {
			synchronized (this.input) {
				this.input.add(chunk);
			}
		}
	}

	/**
	 * Take the next chunk of the output, for the end event only.
	 */
	void collect(Object chunk) {
		if (this.collect) {
			synchronized (this.output) {
				this.output.add(chunk);
			}
		}
	}

	/**
	 * Report a chunk to the handlers, as a chunk of this run's stream.
	 */
	void report(Object chunk) {
		start(null);
		for (CallbackHandler handler : this.handlers) {
			handler.onRunStream(this.run, chunk);
		}
	}

	/**
	 * Report and collect the next chunk of a streamed output.
	 */
	void stream(Object chunk) {
		report(chunk);
		collect(chunk);
	}

	void complete() {
		Object whole;
		synchronized (this.output) {
			whole = this.output.current();
		}
		end(whole);
	}

	void end(Object result) {
		start(null);
		if (this.finished.compareAndSet(false, true)) {
			Object whole;
			synchronized (this.input) {
				whole = this.input.current();
			}
			for (CallbackHandler handler : this.handlers) {
				handler.onRunEnd(this.run, whole, result);
			}
		}
	}

	void fail(Throwable error) {
		start(null);
		if (this.finished.compareAndSet(false, true)) {
			for (CallbackHandler handler : this.handlers) {
				handler.onRunError(this.run, error);
			}
		}
	}

	void cancel() {
		fail(new CancellationException("run '" + this.run.name() + "' was cancelled"));
	}

}
