package dev.lcel.core.runnable;

import dev.lcel.core.config.RunnableConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A runnable that decides per call, from the call's config, which runnable to run (LangChain's
 * {@code DynamicRunnable}): runs it as the call's run, and describes itself (name, schemas, graph)
 * by the runnable it runs when a call configures nothing. The asynchronous methods decide on
 * subscription, so a bad config fails the returned publisher.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
abstract class DynamicRunnable<I, O> implements DelegatingRunnable<I, O> {

	/**
	 * Return the runnable a call with {@code config} runs.
	 * @param config the call's config
	 * @return the runnable to run
	 */
	public abstract Runnable<I, O> choose(RunnableConfig config);

	/**
	 * Return the runnable that a call configuring nothing runs.
	 * @return the default runnable
	 */
	abstract Runnable<I, O> defaultRunnable();

	@Override
	public Runnable<I, O> delegate() {
		return defaultRunnable();
	}

	@Override
	public O invoke(I input, RunnableConfig config) {
		return chosen(config).invoke(input, config);
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return Mono.defer(() -> chosen(config).ainvoke(input, config));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return Flux.defer(() -> chosen(config).astream(input, config));
	}

	@Override
	public Flux<O> transform(Flux<I> input, RunnableConfig config) {
		return Flux.defer(() -> chosen(config).transform(input, config));
	}

	private Runnable<I, O> chosen(RunnableConfig config) {
		return RunnableAdapter.adapt(choose(config));
	}

}
