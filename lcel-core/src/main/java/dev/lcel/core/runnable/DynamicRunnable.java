package dev.lcel.core.runnable;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.RunWrapper;
import dev.lcel.core.tracing.Runs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A runnable that decides per call, from the call's config, which runnable to run (LangChain's
 * {@code DynamicRunnable}): runs it as a run of the caller's run, and describes itself (name,
 * schemas, graph) by the runnable it runs when a call configures nothing. The asynchronous
 * methods decide on subscription, so a bad config fails the returned publisher.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
abstract class DynamicRunnable<I, O> implements Runnable<I, O>, RunWrapper {

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
	public O invoke(I input, RunnableConfig config) {
		return Runs.invoke(choose(config), input, config);
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return Mono.defer(() -> Runs.ainvoke(choose(config), input, config));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return Flux.defer(() -> Runs.astream(choose(config), input, config));
	}

	@Override
	public Flux<O> transform(Flux<I> input, RunnableConfig config) {
		return Flux.defer(() -> Runs.transform(choose(config), input, config));
	}

	@Override
	public String getName() {
		return defaultRunnable().getName();
	}

	@Override
	public RunType runType() {
		return defaultRunnable().runType();
	}

	@Override
	public java.lang.reflect.Type inputType() {
		return defaultRunnable().inputType();
	}

	@Override
	public ObjectNode inputSchema() {
		return defaultRunnable().inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return defaultRunnable().outputSchema();
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return defaultRunnable().outputSchema(inputSchema);
	}

	@Override
	public Graph getGraph() {
		return defaultRunnable().getGraph();
	}

}
