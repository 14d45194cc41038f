package dev.lcel.core.runnable;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.internal.RunProtocol;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The base of every runnable that does work of its own: each call is a run of the run tree
 * (started, given its children's configs, ended with its output or error) through the one run
 * protocol of {@link RunProtocol}, and a subclass writes only its work, in {@link #doInvoke} and, where it
 * can do better than the defaults, {@link #doAinvoke} and {@link #doStream}. A runnable that
 * transforms a stream of input extends {@link AbstractTransformingRunnable} instead.
 *
 * <p>The work receives a {@link RunManager}: its {@link RunManager#child()} and
 * {@link RunManager#child(String)} configs are the ones to run children with, so that they become
 * runs of this run with LangChain's tags ({@code seq:step:N}, {@code map:key:K}, ...).
 *
 * <p>Threads, errors and cancellation are as {@link Runnable} describes: {@code invoke} runs on the
 * calling thread, the asynchronous forms do nothing until subscribed, and a failure ends the run
 * with its exception, which reaches the caller unchanged.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class AbstractRunnable<I, O> implements Runnable<I, O> {

	/** Whether a class streams by work of its own: whether it overrides {@link #doStream}. */
	private static final ClassValue<Boolean> STREAMS = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			for (Class<?> c = type; c != AbstractRunnable.class; c = c.getSuperclass()) {
				try {
					c.getDeclaredMethod("doStream", Object.class, RunManager.class);
					return true;
				}
				catch (NoSuchMethodException ex) {
					// not declared here: look further up
				}
			}
			return false;
		}

	};

	@Override
	public final O invoke(I input, RunnableConfig config) {
		return RunProtocol.invoke(this, input, this::runInput, config, this::doInvoke);
	}

	@Override
	public final Mono<O> ainvoke(I input, RunnableConfig config) {
		return RunProtocol.ainvoke(this, input, this::runInput, config, this::doAinvoke);
	}

	@Override
	public final Flux<O> astream(I input, RunnableConfig config) {
		if (this instanceof AbstractTransformingRunnable) {
			return transform(Flux.just(input), config);
		}
		if (!STREAMS.get(getClass())) {
			// As LangChain's default astream: one invoke, whose run has ended when its output is emitted.
			return ainvoke(input, config).flux();
		}
		return RunProtocol.stream(this, input, this::runInput, config, this::doStream);
	}

	@Override
	@SuppressWarnings("unchecked")
	public final Flux<O> transform(Flux<I> input, RunnableConfig config) {
		if (this instanceof AbstractTransformingRunnable<?, ?> transforming) {
			return RunProtocol.transform(this, input, config, ((AbstractTransformingRunnable<I, O>) transforming)::doTransform);
		}
		return ChunkAggregator.aggregate(input).flatMapMany((whole) -> astream(whole, config));
	}

	/**
	 * Do the work of one call, on the calling thread.
	 * @param input the input
	 * @param run the run of this call, whose configs the work runs children with
	 * @return the output
	 */
	protected abstract O doInvoke(I input, RunManager run);

	/**
	 * Do the work of one call when the returned {@link Mono} is subscribed. The default runs
	 * {@link #doInvoke} on the subscribing thread, or, when that thread must not block (an event
	 * loop) and {@link #mayBlock()} says the work may, on Reactor's bounded-elastic scheduler
	 * (see {@link Offload}); work that is naturally non-blocking overrides it.
	 * @param input the input
	 * @param run the run of this call
	 * @return the output, lazily
	 */
	protected Mono<O> doAinvoke(I input, RunManager run) {
		Mono<O> work = Mono.fromCallable(() -> doInvoke(input, run));
		return mayBlock() ? Offload.ifNonBlocking(work) : work;
	}

	/**
	 * Return whether {@link #doInvoke} may block its thread (wait for I/O, a lock, a sleep), so
	 * that the default {@link #doAinvoke} keeps it off threads that must not block. {@code true}
	 * unless overridden: a runnable that only computes (a prompt template, a parser) returns
	 * {@code false} and runs on the subscribing thread wherever that is, with no hand-off.
	 * @return whether the synchronous work may block
	 */
	protected boolean mayBlock() {
		return true;
	}

	/**
	 * Do the work of one call, emitting the output in chunks. A runnable that does not override it
	 * streams as one {@code ainvoke} run whose output is the only chunk, as in LangChain.
	 * @param input the input
	 * @param run the run of this call
	 * @return the output chunks, lazily
	 */
	protected Flux<O> doStream(I input, RunManager run) {
		return doAinvoke(input, run).flux();
	}

	/**
	 * Return {@code runnable} as one that makes runs of its own (LangChain's
	 * {@code coerce_to_runnable}): a runnable built on this class, or a delegating one, as it is;
	 * one that implements {@link Runnable} directly (a lambda) wrapped so that each of its calls is a
	 * run. Composites coerce their children with it.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable any runnable
	 * @return a runnable whose calls are runs
	 */
	public static <I, O> Runnable<I, O> coerce(Runnable<? super I, ? extends O> runnable) {
		return RunnableAdapter.adapt(runnable);
	}

	/**
	 * Wait on the calling thread for the output of asynchronous work, rethrowing its failure as it
	 * was raised: how {@link #doInvoke} of naturally asynchronous work (an HTTP call) is written.
	 * @param <T> the output type
	 * @param output the output, lazily
	 * @return the output
	 */
	protected static <T> T await(Mono<T> output) {
		return Blocking.await(output);
	}

	/**
	 * Return the input as handlers are told of it when a run starts. The default is the input
	 * itself; a chat model reports its messages.
	 * @param input the input
	 * @return the input to report
	 */
	protected Object runInput(I input) {
		return input;
	}

}
