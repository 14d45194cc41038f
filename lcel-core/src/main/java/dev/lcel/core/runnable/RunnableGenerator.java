package dev.lcel.core.runnable;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a function from an input stream to an output stream as a step of a chain, so that custom
 * logic can stream: each input chunk can be turned into output before the input ends.
 *
 * <p>{@link #invoke} and {@link #ainvoke} run the function on a one-chunk stream and join its
 * output chunks with {@link ChunkAggregator}.
 *
 * @param <I> the input chunk type
 * @param <O> the output chunk type
 */
public final class RunnableGenerator<I, O> extends AbstractTransformingRunnable<I, O> {

	private final String name;

	private final BiFunction<Flux<I>, RunnableConfig, ? extends Flux<O>> function;

	private RunnableGenerator(String name, BiFunction<Flux<I>, RunnableConfig, ? extends Flux<O>> function) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.function = Objects.requireNonNull(function, "function must not be null");
	}

	/**
	 * Return a generator runnable of a stream function.
	 * @param <I> the input chunk type
	 * @param <O> the output chunk type
	 * @param function the function from input chunks to output chunks
	 * @return the runnable
	 */
	public static <I, O> RunnableGenerator<I, O> of(Function<Flux<I>, ? extends Flux<O>> function) {
		Objects.requireNonNull(function, "function must not be null");
		return new RunnableGenerator<>("RunnableGenerator", (input, config) -> function.apply(input));
	}

	/**
	 * Return a named generator runnable of a stream function that also receives the config.
	 * @param <I> the input chunk type
	 * @param <O> the output chunk type
	 * @param name the name, shown in graphs and run trees
	 * @param function the function from input chunks and config to output chunks
	 * @return the runnable
	 */
	public static <I, O> RunnableGenerator<I, O> of(String name,
			BiFunction<Flux<I>, RunnableConfig, ? extends Flux<O>> function) {
		return new RunnableGenerator<>(name, function);
	}

	@Override
	protected O doInvoke(I input, RunManager run) {
		return Blocking.await(doAinvoke(input, run));
	}

	@Override
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return ChunkAggregator.aggregate(doTransform(Flux.just(input), run));
	}

	@Override
	protected Flux<O> doTransform(Flux<I> input, RunManager run) {
		return Flux.defer(() -> this.function.apply(input, run.child()));
	}

	@Override
	public String getName() {
		return this.name;
	}

}
