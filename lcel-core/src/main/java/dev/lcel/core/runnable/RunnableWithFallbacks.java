package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a runnable and, when it fails with a handled exception, tries its fallbacks in order until
 * one succeeds: what {@link Runnable#withFallbacks} builds.
 *
 * <p>If every runnable fails, the first failure is thrown as it was raised; an exception that is
 * not handled is thrown at once. With an {@link Builder#exceptionKey(String) exception key} each
 * fallback receives the map input with the previous failure under that key. A stream falls back
 * only until its first chunk has been emitted; a later failure ends the stream.
 *
 * <p>Like LangChain's, it is a run of its own, named {@code RunnableWithFallbacks}, with each
 * runnable it tries as a child run; its output is the output of the one that succeeded. Its input
 * type, schemas and graph are those of the runnable tried first.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableWithFallbacks<I, O> extends AbstractRunnable<I, O> implements RunAroundDelegate<I, O> {

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
	protected O doInvoke(I input, RunManager run) {
		Throwable first = null;
		Throwable last = null;
		for (Runnable<I, O> runnable : this.runnables) {
			try {
				return runnable.invoke(inputAfter(input, last), run.child());
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
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return attempt(0, input, null, null, run.child());
	}

	private Mono<O> attempt(int index, I input, Throwable first, Throwable last, RunnableConfig config) {
		return Mono.defer(() -> this.runnables.get(index).ainvoke(inputAfter(input, last), config))
			.onErrorResume(this::handles, (ex) -> {
				Throwable firstFailure = (first != null) ? first : ex;
				return (index + 1 < this.runnables.size()) ? attempt(index + 1, input, firstFailure, ex, config)
						: Mono.error(firstFailure);
			});
	}

	@Override
	protected Flux<O> doStream(I input, RunManager run) {
		return streamAttempt(0, input, null, null, run.child());
	}

	private Flux<O> streamAttempt(int index, I input, Throwable first, Throwable last, RunnableConfig config) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return this.runnables.get(index).astream(inputAfter(input, last), config)
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
	public Runnable<I, O> delegate() {
		return this.runnables.get(0);
	}

	@Override
	public String getName() {
		return "RunnableWithFallbacks";
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return ConfigSpecs.union(this.runnables);
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
			this.runnables.add(RunnableAdapter.adapt(Objects.requireNonNull(runnable, "runnable must not be null")));
		}

		/**
		 * Add fallbacks, tried in order.
		 * @param fallbacks the fallbacks
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public Builder<I, O> fallbacks(List<? extends Runnable<? super I, ? extends O>> fallbacks) {
			fallbacks.forEach((fallback) -> this.runnables.add(RunnableAdapter
				.adapt((Runnable<I, O>) Objects.requireNonNull(fallback, "fallbacks must not contain null"))));
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
