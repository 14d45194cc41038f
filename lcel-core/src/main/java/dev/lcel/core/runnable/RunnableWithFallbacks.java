package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Runs a runnable and, when it fails with a handled exception, tries its fallbacks in order until
 * one succeeds: what {@link Runnable#withFallbacks} builds.
 *
 * <p>If every runnable fails, the first failure is thrown as it was raised; an exception that is
 * not handled is thrown at once. With an {@link Builder#exceptionKey(String) exception key} each
 * fallback receives the map input with the previous failure under that key. A stream falls back
 * only until its first chunk has been emitted; a later failure ends the stream.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableWithFallbacks<I, O> implements Runnable<I, O>, RunWrapper {

	private final List<Runnable<I, O>> runnables;

	private final List<Class<? extends Throwable>> handled;

	private final String exceptionKey;

	private RunnableWithFallbacks(List<Runnable<I, O>> runnables, List<Class<? extends Throwable>> handled,
			String exceptionKey) {
		this.runnables = runnables;
		this.handled = handled;
		this.exceptionKey = exceptionKey;
	}

	/**
	 * Return a builder of fallbacks for {@code runnable}.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable tried first
	 * @return the builder
	 */
	public static <I, O> Builder<I, O> builder(Runnable<I, O> runnable) {
		return new Builder<>(runnable);
	}

	@Override
	public O invoke(I input, RunnableConfig config) {
		Throwable first = null;
		Throwable last = null;
		for (Runnable<I, O> runnable : this.runnables) {
			try {
				return Runs.invoke(runnable, inputAfter(input, last), config);
			}
			catch (RuntimeException | Error ex) {
				if (!handles(ex)) {
					throw ex;
				}
				first = (first != null) ? first : ex;
				last = ex;
			}
		}
		throw Blocking.rethrow(first);
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return attempt(0, input, null, null, config);
	}

	private Mono<O> attempt(int index, I input, Throwable first, Throwable last, RunnableConfig config) {
		return Mono.defer(() -> Runs.ainvoke(this.runnables.get(index), inputAfter(input, last), config))
			.onErrorResume(this::handles, (ex) -> {
				Throwable firstFailure = (first != null) ? first : ex;
				return (index + 1 < this.runnables.size()) ? attempt(index + 1, input, firstFailure, ex, config)
						: Mono.error(firstFailure);
			});
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return streamAttempt(0, input, null, null, config);
	}

	private Flux<O> streamAttempt(int index, I input, Throwable first, Throwable last, RunnableConfig config) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return Runs.astream(this.runnables.get(index), inputAfter(input, last), config)
				.doOnNext((chunk) -> emitted.set(true))
				.onErrorResume((ex) -> !emitted.get() && handles(ex), (ex) -> {
					Throwable firstFailure = (first != null) ? first : ex;
					return (index + 1 < this.runnables.size())
							? streamAttempt(index + 1, input, firstFailure, ex, config) : Flux.error(firstFailure);
				});
		});
	}

	private boolean handles(Throwable error) {
		for (Class<? extends Throwable> type : this.handled) {
			if (type.isInstance(error)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private I inputAfter(I input, Throwable failure) {
		if (this.exceptionKey == null || failure == null) {
			return input;
		}
		if (!(input instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("exceptionKey '" + this.exceptionKey
					+ "' needs a map input to add the failure to, but got "
					+ ((input != null) ? input.getClass().getName() : "null"));
		}
		Map<Object, Object> withFailure = new LinkedHashMap<>(map);
		withFailure.put(this.exceptionKey, failure);
		return (I) withFailure;
	}

	@Override
	public String getName() {
		return this.runnables.get(0).getName();
	}

	@Override
	public RunType runType() {
		return this.runnables.get(0).runType();
	}

	@Override
	public java.lang.reflect.Type inputType() {
		return this.runnables.get(0).inputType();
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return ConfigSpecs.union(this.runnables);
	}

	@Override
	public ObjectNode inputSchema() {
		return this.runnables.get(0).inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return this.runnables.get(0).outputSchema();
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return this.runnables.get(0).outputSchema(inputSchema);
	}

	@Override
	public Graph getGraph() {
		return this.runnables.get(0).getGraph();
	}

	/**
	 * Builds a {@link RunnableWithFallbacks}.
	 *
	 * @param <I> the input type
	 * @param <O> the output type
	 */
	public static final class Builder<I, O> {

		private final List<Runnable<I, O>> runnables = new ArrayList<>();

		private final List<Class<? extends Throwable>> handled = new ArrayList<>();

		private String exceptionKey;

		private Builder(Runnable<I, O> runnable) {
			this.runnables.add(Objects.requireNonNull(runnable, "runnable must not be null"));
		}

		/**
		 * Add fallbacks, tried in order.
		 * @param fallbacks the fallbacks
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public Builder<I, O> fallbacks(List<? extends Runnable<? super I, ? extends O>> fallbacks) {
			fallbacks.forEach((fallback) -> this.runnables
				.add((Runnable<I, O>) Objects.requireNonNull(fallback, "fallbacks must not contain null")));
			return this;
		}

		/**
		 * Fall back only on these exception types (and their subtypes); by default on any
		 * {@link Exception}.
		 * @param types the handled exception types
		 * @return this builder
		 */
		@SafeVarargs
		public final Builder<I, O> exceptionsToHandle(Class<? extends Throwable>... types) {
			this.handled.addAll(List.of(types));
			return this;
		}

		/**
		 * Pass each fallback the previous failure under this key of its map input.
		 * @param exceptionKey the key
		 * @return this builder
		 */
		public Builder<I, O> exceptionKey(String exceptionKey) {
			this.exceptionKey = exceptionKey;
			return this;
		}

		/**
		 * Build the runnable.
		 * @return the runnable with fallbacks
		 */
		public RunnableWithFallbacks<I, O> build() {
			if (this.runnables.size() < 2) {
				throw new IllegalArgumentException("withFallbacks needs at least one fallback");
			}
			List<Class<? extends Throwable>> handledTypes = this.handled.isEmpty() ? List.of(Exception.class)
					: List.copyOf(this.handled);
			return new RunnableWithFallbacks<>(List.copyOf(this.runnables), handledTypes, this.exceptionKey);
		}

	}

}
