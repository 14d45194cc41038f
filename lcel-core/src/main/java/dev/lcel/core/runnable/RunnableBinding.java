package dev.lcel.core.runnable;

import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a runnable with a config bound to every call: what {@link Runnable#withConfig} builds.
 *
 * <p>The bound config is the base and the caller's config is layered over it with
 * {@link RunnableConfig#merge}, so tags and metadata from both apply. A bound run name names this
 * runnable. A binding adds no run of its own: the bound runnable's run is the call's run.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableBinding<I, O> implements DelegatingRunnable<I, O> {

	private final Runnable<I, O> bound;

	private final RunnableConfig config;

	RunnableBinding(Runnable<I, O> bound, RunnableConfig config) {
		this.bound = RunnableAdapter.adapt(Objects.requireNonNull(bound, "bound must not be null"));
		this.config = Objects.requireNonNull(config, "config must not be null");
	}

	/**
	 * Return the runnable this binding runs.
	 * @return the bound runnable
	 */
	public Runnable<I, O> getBound() {
		return this.bound;
	}

	/**
	 * Return the config bound to every call.
	 * @return the config
	 */
	public RunnableConfig getConfig() {
		return this.config;
	}

	@Override
	public O invoke(I input, RunnableConfig config) {
		return this.bound.invoke(input, this.config.merge(config));
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return this.bound.ainvoke(input, this.config.merge(config));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return this.bound.astream(input, this.config.merge(config));
	}

	@Override
	public Flux<O> transform(Flux<I> input, RunnableConfig config) {
		return this.bound.transform(input, this.config.merge(config));
	}

	@Override
	public Runnable<I, O> withConfig(RunnableConfig config) {
		return new RunnableBinding<>(this.bound, this.config.merge(config));
	}

	@Override
	public String getName() {
		return (this.config.runName() != null) ? this.config.runName() : this.bound.getName();
	}

	@Override
	public Runnable<I, O> delegate() {
		return this.bound;
	}

	/**
	 * Return the bound runnable's config schema, which may say more than its config specs (a
	 * history chain's required session id).
	 */
	@Override
	public ObjectNode configSchema() {
		return this.bound.configSchema();
	}

}
