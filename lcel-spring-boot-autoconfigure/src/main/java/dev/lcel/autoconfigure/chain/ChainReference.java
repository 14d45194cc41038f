package dev.lcel.autoconfigure.chain;

import java.util.function.Supplier;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.DelegatingRunnable;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step that runs a chain or bean named in configuration, looked up on first use so that chains
 * may refer to chains and beans defined anywhere in the application. It adds no run of its own:
 * the chain it refers to runs as the step's run.
 */
final class ChainReference implements DelegatingRunnable<Object, Object> {

	private final String name;

	private final Supplier<Runnable<Object, Object>> lookup;

	private volatile Runnable<Object, Object> target;

	ChainReference(String name, Supplier<Runnable<Object, Object>> lookup) {
		this.name = name;
		this.lookup = lookup;
	}

	@Override
	public Runnable<Object, Object> delegate() {
		Runnable<Object, Object> resolved = this.target;
		if (resolved == null) {
			resolved = AbstractRunnable.coerce(this.lookup.get());
			this.target = resolved;
		}
		return resolved;
	}

	@Override
	public Object invoke(Object input, RunnableConfig config) {
		return delegate().invoke(input, config);
	}

	@Override
	public Mono<Object> ainvoke(Object input, RunnableConfig config) {
		return Mono.defer(() -> delegate().ainvoke(input, config));
	}

	@Override
	public Flux<Object> astream(Object input, RunnableConfig config) {
		return Flux.defer(() -> delegate().astream(input, config));
	}

	@Override
	public Flux<Object> transform(Flux<Object> input, RunnableConfig config) {
		return Flux.defer(() -> delegate().transform(input, config));
	}

	/**
	 * Return the referenced chain's config schema, which may say more than its config specs.
	 */
	@Override
	public ObjectNode configSchema() {
		return delegate().configSchema();
	}

	/**
	 * Return the name the configuration refers to.
	 * @return the referenced name
	 */
	@Override
	public String getName() {
		return this.name;
	}

}
