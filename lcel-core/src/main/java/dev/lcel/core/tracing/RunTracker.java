package dev.lcel.core.tracing;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lcel.core.runnable.ChunkAggregator;

/**
 * Follows one run for its handlers: tells them of its start, each streamed chunk, and exactly one
 * of end, error or cancellation, collecting the streamed input and output on the way.
 *
 * <p>The start is reported once, by {@link #start(Object)} or, at the latest, before anything
 * else: a step of a streaming chain reports its start when its input is complete or when it emits
 * its first chunk, whichever comes first. So a step that waits for its whole input (a model after
 * a prompt) starts after the step before it ends, and a step that streams starts as it streams.
 */
final class RunTracker {

	private final RunInfo run;

	private final List<CallbackHandler> handlers;

	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicBoolean finished = new AtomicBoolean();

	private final ChunkAggregator input = new ChunkAggregator();

	private final ChunkAggregator output = new ChunkAggregator();

	private final boolean collect;

	private final boolean chunks;

	RunTracker(RunInfo run, List<CallbackHandler> handlers) {
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

	RunInfo run() {
		return this.run;
	}

	/**
	 * Return whether the run's chunks must be seen one by one, by a handler or to collect them.
	 */
	boolean watchesChunks() {
		return this.chunks;
	}

	void input(Object chunk) {
		if (!this.collect) {
			return;
		}
		synchronized (this.input) {
			this.input.add(chunk);
		}
	}

	void stream(Object chunk) {
		start(null);
		if (this.collect) {
			synchronized (this.output) {
				this.output.add(chunk);
			}
		}
		for (CallbackHandler handler : this.handlers) {
			handler.onRunStream(this.run, chunk);
		}
	}

	void complete() {
		end(this.output.current());
	}

	void end(Object result) {
		start(null);
		if (this.finished.compareAndSet(false, true)) {
			Object whole = this.input.current();
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
