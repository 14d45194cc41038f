package dev.lcel.core.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import org.jspecify.annotations.Nullable;

/**
 * Follows one run for its handlers: tells them of its start, each reported chunk, and exactly one
 * of end, error or cancellation, collecting the streamed input and output on the way.
 *
 * <p>The start is reported once, by {@link #start(Object)} or, at the latest, before anything
 * else: a run that transforms a stream starts when its first input chunk arrives (as LangChain's
 * do), so it starts after the runs before it have produced something, and before its children.
 *
 * <p>Chunks go only to the handlers that read this run's chunks ({@link CallbackHandler#needsChunks(RunInfo)},
 * asked once). The streamed input and output are collected in {@link CollectedChunks}, shared with
 * the run before when its stream is this one's, and joined only at the end; neither takes a lock
 * (a run may end while its input still streams: it reads the chunks published so far).
 */
final class RunTracker {

	private static final CallbackHandler[] NO_HANDLERS = {};

	private static final VarHandle STATE;

	static {
		try {
			STATE = MethodHandles.lookup().findVarHandle(RunTracker.class, "state", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final int STARTED = 1;

	private static final int FINISHED = 2;

	private final RunInfo run;

	private final List<CallbackHandler> handlers;

	/** The handlers that read this run's chunks. */
	private final CallbackHandler[] chunkHandlers;

	private final TrackedRunManager manager;

	/** {@link #STARTED} and {@link #FINISHED}, each set once. */
	private volatile int state;

	/** Made only when a handler reads the inputs and outputs. */
	private final @Nullable CollectedChunks input;

	private final @Nullable CollectedChunks output;

	private final boolean collect;

	private final boolean chunks;

	RunTracker(RunInfo run, List<CallbackHandler> handlers, RunnableConfig config) {
		this.run = run;
		this.handlers = handlers;
		boolean collect = false;
		CallbackHandler[] chunkHandlers = NO_HANDLERS;
		int readers = 0;
		// Indexed loops over the handlers here and at the start and end: no iterator per run.
		for (int i = 0; i < handlers.size(); i++) {
			CallbackHandler handler = handlers.get(i);
			collect |= handler.needsInputsAndOutputs() && handler.needsInputsAndOutputs(run);
			if (handler.needsChunks() && handler.needsChunks(run)) {
				if (readers == 0) {
					chunkHandlers = new CallbackHandler[handlers.size()];
				}
				chunkHandlers[readers++] = handler;
			}
		}
		this.collect = collect;
		this.input = collect ? new CollectedChunks() : null;
		this.output = collect ? new CollectedChunks() : null;
		this.chunkHandlers = (readers == chunkHandlers.length) ? chunkHandlers : Arrays.copyOf(chunkHandlers, readers);
		this.chunks = collect || this.chunkHandlers.length > 0;
		this.manager = new TrackedRunManager(config, handlers, this);
	}

	RunInfo run() {
		return this.run;
	}

	TrackedRunManager manager() {
		return this.manager;
	}

	/**
	 * Return whether the run's chunks must be seen one by one, by a handler or to collect them.
	 */
	boolean watchesChunks() {
		return this.chunks;
	}

	/**
	 * Return whether a handler reads the run's chunks: what a runnable asked for a whole answer
	 * (a chat model's invoke) needs to know to stream it anyway. Collecting is not a reason: an
	 * invoke's output is whole.
	 */
	boolean reportsChunks() {
		return this.chunkHandlers.length > 0;
	}

	/**
	 * Report the start, with the input if it is known ({@code null} when it streams in).
	 */
	void start(@Nullable Object input) {
		// A read first: the chunks that call this on a started run take no atomic write.
		if ((this.state & STARTED) == 0 && set(STARTED)) {
			if (input != null) {
				input(input);
			}
			for (int i = 0; i < this.handlers.size(); i++) {
				this.handlers.get(i).onRunStart(this.run, input);
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
			this.input.add(chunk);
		}
	}

	/**
	 * Return where the chunks of this run's input ({@code input}) or output are collected, or
	 * {@code null} when no handler reads them.
	 */
	@Nullable CollectedChunks collected(boolean input) {
		if (!this.collect) {
			return null;
		}
		return input ? this.input : this.output;
	}

	/**
	 * Take the next chunk of the output, for the end event only.
	 */
	void collect(Object chunk) {
		if (this.collect) {
			this.output.add(chunk);
		}
	}

	/**
	 * Report a chunk to the handlers that read this run's chunks, as a chunk of its stream.
	 */
	void report(Object chunk) {
		start(null);
		for (CallbackHandler handler : this.chunkHandlers) {
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
		end((this.output != null) ? this.output.aggregate() : null);
	}

	void end(@Nullable Object result) {
		start(null);
		if (set(FINISHED)) {
			Object whole = (this.input != null) ? this.input.aggregate() : null;
			for (int i = 0; i < this.handlers.size(); i++) {
				this.handlers.get(i).onRunEnd(this.run, whole, result);
			}
		}
	}

	void fail(Throwable error) {
		start(null);
		if (set(FINISHED)) {
			for (int i = 0; i < this.handlers.size(); i++) {
				this.handlers.get(i).onRunError(this.run, error);
			}
		}
	}

	/** Set {@code flag} in the state: return whether this call set it. */
	private boolean set(int flag) {
		int state = this.state;
		while ((state & flag) == 0) {
			int witness = (int) STATE.compareAndExchange(this, state, state | flag);
			if (witness == state) {
				return true;
			}
			state = witness;
		}
		return false;
	}

	void cancel() {
		fail(new CancellationException("run '" + this.run.name() + "' was cancelled"));
	}

}
