package dev.lcel.core.runnable;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a Java function as a step of a chain.
 *
 * <p>The function runs on the calling thread, once per call, on the whole input: in a stream it
 * receives the aggregate of the chunks before it. In the asynchronous forms it may block: called
 * on a thread that must not (an event loop), it runs on Reactor's bounded-elastic scheduler
 * instead (see {@link Offload}). Created with {@link #configAware} it also receives
 * the {@link RunnableConfig} of the run (its own name differs from {@link #of} so that method
 * references such as {@code String::toUpperCase} are never ambiguous). If it returns a {@link Runnable}, that runnable is run on the same input (this
 * is how a lambda routes between chains), as a child run, one level deeper in the config's
 * {@link RunnableConfig#recursionLimit() recursion limit}; when the lambda is streamed, that
 * runnable is streamed too, so a router keeps streaming token by token.
 *
 * <p>Java erases a lambda's types, so its schemas are {@code {}} (anything) unless it is created
 * with {@link #typed(Class, Class, Function)}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableLambda<I, O> extends AbstractTransformingRunnable<I, O> {

	private final String name;

	private final BiFunction<? super I, RunnableConfig, ?> function;

	private final Type inputType;

	private final Type outputType;

	private RunnableLambda(String name, BiFunction<? super I, RunnableConfig, ?> function, Type inputType,
			Type outputType) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.function = Objects.requireNonNull(function, "function must not be null");
		this.inputType = inputType;
		this.outputType = outputType;
	}

	/**
	 * Return a lambda runnable of a function of the input.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> of(Function<? super I, ? extends O> function) {
		return of("RunnableLambda", function);
	}

	/**
	 * Return a named lambda runnable of a function of the input.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param name the name, shown in graphs and run trees
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> of(String name, Function<? super I, ? extends O> function) {
		Objects.requireNonNull(function, "function must not be null");
		return new RunnableLambda<>(name, (input, config) -> function.apply(input), null, null);
	}

	/**
	 * Return a lambda runnable of a function of the input and the config.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> configAware(BiFunction<? super I, RunnableConfig, ? extends O> function) {
		return configAware("RunnableLambda", function);
	}

	/**
	 * Return a named lambda runnable of a function of the input and the config.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param name the name, shown in graphs and run trees
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> configAware(String name,
			BiFunction<? super I, RunnableConfig, ? extends O> function) {
		return new RunnableLambda<>(name, function, null, null);
	}

	/**
	 * Return a lambda runnable whose input and output schemas are generated from Java types.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param inputType the input class
	 * @param outputType the output class
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> typed(Class<I> inputType, Class<O> outputType,
			Function<? super I, ? extends O> function) {
		return typed("RunnableLambda", inputType, outputType, function);
	}

	/**
	 * Return a named lambda runnable whose input and output schemas are generated from Java types.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param name the name, shown in graphs and run trees
	 * @param inputType the input class
	 * @param outputType the output class
	 * @param function the function
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> typed(String name, Class<I> inputType, Class<O> outputType,
			Function<? super I, ? extends O> function) {
		Objects.requireNonNull(function, "function must not be null");
		return new RunnableLambda<>(name, (input, config) -> function.apply(input),
				Objects.requireNonNull(inputType, "inputType must not be null"),
				Objects.requireNonNull(outputType, "outputType must not be null"));
	}

	/**
	 * Return a lambda runnable that chooses, per input, the runnable to run on that input.
	 * @param <I> the input type
	 * @param <O> the output type of the chosen runnables
	 * @param router the function choosing a runnable
	 * @return the runnable
	 */
	public static <I, O> RunnableLambda<I, O> route(Function<? super I, ? extends Runnable<? super I, ? extends O>> router) {
		Objects.requireNonNull(router, "router must not be null");
		return new RunnableLambda<>("RunnableLambda", (input, config) -> router.apply(input), null, null);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected O doInvoke(I input, RunManager run) {
		Object output = this.function.apply(input, run.child());
		if (output instanceof Runnable<?, ?> next) {
			return RunnableAdapter.<I, O>adapt((Runnable<I, O>) next).invoke(input, deeper(run));
		}
		return (O) output;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return Offload.ifNonBlocking(Mono.fromCallable(() -> this.function.apply(input, run.child()))).flatMap((output) -> {
			if (output instanceof Runnable<?, ?> next) {
				return RunnableAdapter.<I, O>adapt((Runnable<I, O>) next).ainvoke(input, deeper(run));
			}
			return Mono.just((O) output);
		});
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Flux<O> doTransform(Flux<I> input, RunManager run) {
		return ChunkAggregator.aggregate(input)
			.flatMapMany((whole) -> Offload.ifNonBlocking(Mono.fromCallable(() -> this.function.apply(whole, run.child())))
				.flatMapMany((output) -> {
					if (output instanceof Runnable<?, ?> next) {
						return RunnableAdapter.<I, O>adapt((Runnable<I, O>) next).astream(whole, deeper(run));
					}
					return Flux.just((O) output);
				}));
	}

	private RunnableConfig deeper(RunManager run) {
		RunnableConfig config = run.child();
		if (config.recursionLimit() <= 0) {
			throw new RecursionLimitException(this.name);
		}
		return config.withRecursionLimit(config.recursionLimit() - 1);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Type inputType() {
		return (this.inputType != null) ? this.inputType : Object.class;
	}

	@Override
	public ObjectNode inputSchema() {
		return (this.inputType != null) ? JsonSchemas.of(this.inputType) : JsonSchemas.any();
	}

	@Override
	public ObjectNode outputSchema() {
		return (this.outputType != null) ? JsonSchemas.of(this.outputType) : JsonSchemas.any();
	}

}
