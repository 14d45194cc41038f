package dev.lcel.autoconfigure.chain;

import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Supplier;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.RunWrapper;
import dev.lcel.core.tracing.Runs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step that runs a chain or bean named in configuration, looked up on first use so that chains
 * may refer to chains and beans defined anywhere in the application.
 */
final class ChainReference implements Runnable<Object, Object>, RunWrapper {

	private final String name;

	private final Supplier<Runnable<Object, Object>> lookup;

	private volatile Runnable<Object, Object> target;

	ChainReference(String name, Supplier<Runnable<Object, Object>> lookup) {
		this.name = name;
		this.lookup = lookup;
	}

	private Runnable<Object, Object> target() {
		Runnable<Object, Object> resolved = this.target;
		if (resolved == null) {
			resolved = this.lookup.get();
			this.target = resolved;
		}
		return resolved;
	}

	@Override
	public Object invoke(Object input, RunnableConfig config) {
		return Runs.invoke(target(), input, config);
	}

	@Override
	public Mono<Object> ainvoke(Object input, RunnableConfig config) {
		return Mono.defer(() -> Runs.ainvoke(target(), input, config));
	}

	@Override
	public Flux<Object> astream(Object input, RunnableConfig config) {
		return Flux.defer(() -> Runs.astream(target(), input, config));
	}

	@Override
	public Flux<Object> transform(Flux<Object> input, RunnableConfig config) {
		return Flux.defer(() -> Runs.transform(target(), input, config));
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public RunType runType() {
		return target().runType();
	}

	@Override
	public Type inputType() {
		return target().inputType();
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return target().configSpecs();
	}

	@Override
	public ObjectNode configSchema() {
		return target().configSchema();
	}

	@Override
	public ObjectNode inputSchema() {
		return target().inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return target().outputSchema();
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return target().outputSchema(inputSchema);
	}

	@Override
	public Graph getGraph() {
		return target().getGraph();
	}

}
