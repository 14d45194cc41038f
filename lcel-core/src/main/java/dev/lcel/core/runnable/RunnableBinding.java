package dev.lcel.core.runnable;

import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.Runs;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.RunWrapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a runnable with a config bound to every call: what {@link Runnable#withConfig} builds.
 *
 * <p>The bound config is the base and the caller's config is layered over it with
 * {@link RunnableConfig#merge}, so tags and metadata from both apply. A bound run name names this
 * runnable.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableBinding<I, O> implements Runnable<I, O>, RunWrapper {

	private final Runnable<I, O> bound;

	private final RunnableConfig config;

	RunnableBinding(Runnable<I, O> bound, RunnableConfig config) {
		this.bound = Objects.requireNonNull(bound, "bound must not be null");
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
		return Runs.invoke(this.bound, input, this.config.merge(config));
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return Runs.ainvoke(this.bound, input, this.config.merge(config));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return Runs.astream(this.bound, input, this.config.merge(config));
	}

	@Override
	public Flux<O> transform(Flux<I> input, RunnableConfig config) {
		return Runs.transform(this.bound, input, this.config.merge(config));
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
	public RunType runType() {
		return this.bound.runType();
	}

	@Override
	public java.lang.reflect.Type inputType() {
		return this.bound.inputType();
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return this.bound.configSpecs();
	}

	@Override
	public ObjectNode configSchema() {
		return this.bound.configSchema();
	}

	@Override
	public ObjectNode inputSchema() {
		return this.bound.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return this.bound.outputSchema();
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return this.bound.outputSchema(inputSchema);
	}

	@Override
	public Graph getGraph() {
		return this.bound.getGraph();
	}

}
