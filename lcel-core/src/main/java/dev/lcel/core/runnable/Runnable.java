package dev.lcel.core.runnable;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.StreamEvent;
import dev.lcel.core.tracing.internal.EventStream;
import dev.lcel.core.tracing.internal.RunLogStream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A unit of work that can be invoked, batched, streamed and composed: the one interface that every
 * component of a chain implements, as in the LangChain Expression Language.
 *
 * <p>Only {@link #invoke(Object, RunnableConfig)} must be implemented; every other method has a
 * default built on it. Implementations override what they can do better:
 * <ul>
 * <li>{@link #ainvoke(Object, RunnableConfig)} for work that is naturally non-blocking (an HTTP
 * call);</li>
 * <li>{@link #astream(Object, RunnableConfig)} for work that produces its output in chunks (a
 * model);</li>
 * <li>{@link #transform(Flux, RunnableConfig)} for work that can consume its input in chunks and
 * produce output before the input ends (an output parser). Such a runnable should also make
 * {@code astream} delegate to {@code transform}.</li>
 * </ul>
 *
 * <p><b>Streaming.</b> The default {@code transform} joins its input chunks with
 * {@link ChunkAggregator} and runs once on the result, so in a {@link RunnableSequence} a step that
 * cannot stream receives the aggregate of the step before it, while a step that can receives the
 * chunks as they are produced.
 *
 * <p><b>Threads.</b> Synchronous methods run on the calling thread and block it. Asynchronous
 * methods do nothing until subscribed; the default {@code ainvoke} runs {@code invoke} on the
 * subscribing thread, and runnables that fan out (parallels, batches) move blocking work to worker
 * threads so that it can run concurrently. Cancelling a subscription cancels the work beneath it,
 * interrupting a worker thread that is blocked in it.
 *
 * <p><b>Errors.</b> An exception thrown by a step reaches the caller as it was thrown, never wrapped;
 * {@link FailedStep#of(Throwable)} tells which step raised it.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public interface Runnable<I, O> {

	/**
	 * Run once on an input, blocking the calling thread until the output is ready.
	 * @param input the input
	 * @param config the config of this run
	 * @return the output
	 */
	O invoke(I input, RunnableConfig config);

	/**
	 * Run once on an input with an empty config.
	 * @param input the input
	 * @return the output
	 * @see #invoke(Object, RunnableConfig)
	 */
	default O invoke(I input) {
		return invoke(input, RunnableConfig.EMPTY);
	}

	/**
	 * Run once on an input when the returned {@link Mono} is subscribed. A {@code null} output
	 * completes the {@code Mono} empty. Cancelling the subscription cancels the run.
	 * @param input the input
	 * @param config the config of this run
	 * @return the output, lazily
	 */
	default Mono<O> ainvoke(I input, RunnableConfig config) {
		return Mono.fromCallable(() -> invoke(input, config));
	}

	/**
	 * Run once on an input asynchronously with an empty config.
	 * @param input the input
	 * @return the output, lazily
	 * @see #ainvoke(Object, RunnableConfig)
	 */
	default Mono<O> ainvoke(I input) {
		return ainvoke(input, RunnableConfig.EMPTY);
	}

	/**
	 * Run once on an input and emit the output in chunks as they are produced. Joining the chunks
	 * with {@link ChunkAggregator} gives what {@link #invoke} returns. A runnable that cannot stream
	 * emits its whole output as one chunk.
	 * @param input the input
	 * @param config the config of this run
	 * @return the output chunks, lazily
	 */
	default Flux<O> astream(I input, RunnableConfig config) {
		return ainvoke(input, config).flux();
	}

	/**
	 * Stream the output of one run with an empty config.
	 * @param input the input
	 * @return the output chunks, lazily
	 * @see #astream(Object, RunnableConfig)
	 */
	default Flux<O> astream(I input) {
		return astream(input, RunnableConfig.EMPTY);
	}

	/**
	 * Stream the output of one run as a blocking {@link Stream}: each chunk is available as soon as
	 * it is produced. Close the stream (or use try-with-resources) to stop the run early.
	 * @param input the input
	 * @param config the config of this run
	 * @return the output chunks
	 */
	default Stream<O> stream(I input, RunnableConfig config) {
		return astream(input, config).toStream();
	}

	/**
	 * Stream the output of one run as a blocking {@link Stream} with an empty config.
	 * @param input the input
	 * @return the output chunks
	 * @see #stream(Object, RunnableConfig)
	 */
	default Stream<O> stream(I input) {
		return stream(input, RunnableConfig.EMPTY);
	}

	/**
	 * Run once on an input that arrives in chunks, emitting output chunks. The default joins the
	 * input chunks and then streams; runnables that can work chunk by chunk override it.
	 * @param input the input chunks
	 * @param config the config of this run
	 * @return the output chunks, lazily
	 */
	default Flux<O> transform(Flux<I> input, RunnableConfig config) {
		return ChunkAggregator.aggregate(input).flatMapMany((whole) -> astream(whole, config));
	}

	/**
	 * Run once and stream the events of every run inside this one as they happen: starts, chunks and
	 * ends of each step, branch and model call, in causal order (LangChain's event stream version
	 * 2). Cancelling the stream cancels the run.
	 * @param input the input
	 * @param config the config of this run
	 * @param filter which runs to report
	 * @return the events, lazily
	 */
	default Flux<StreamEvent> astreamEvents(I input, RunnableConfig config, RunFilter filter) {
		return EventStream.of(this, input, config, filter);
	}

	/**
	 * Run once and stream the events of every run inside it, unfiltered.
	 * @param input the input
	 * @return the events, lazily
	 * @see #astreamEvents(Object, RunnableConfig, RunFilter)
	 */
	default Flux<StreamEvent> astreamEvents(I input) {
		return astreamEvents(input, RunnableConfig.EMPTY, RunFilter.ALL);
	}

	/**
	 * Run once and stream its run log: JSON Patch operations over a document of the root's output
	 * and every child run's progress. Applied in order they give the final log, whose
	 * {@code final_output} is what {@link #invoke} returns. Cancelling the stream cancels the run.
	 * @param input the input
	 * @param config the config of this run
	 * @param filter which child runs appear in the log
	 * @return the patches, lazily
	 */
	default Flux<RunLogPatch> astreamLog(I input, RunnableConfig config, RunFilter filter) {
		return RunLogStream.of(this, input, config, filter);
	}

	/**
	 * Run once and stream its run log, with every child run.
	 * @param input the input
	 * @return the patches, lazily
	 * @see #astreamLog(Object, RunnableConfig, RunFilter)
	 */
	default Flux<RunLogPatch> astreamLog(I input) {
		return astreamLog(input, RunnableConfig.EMPTY, RunFilter.ALL);
	}

	/**
	 * Run on many inputs concurrently, blocking until all are done.
	 * @param inputs the inputs
	 * @return the outputs, in input order
	 * @see #batch(List, RunnableConfig, BatchOptions)
	 */
	default List<O> batch(List<I> inputs) {
		return batch(inputs, RunnableConfig.EMPTY, BatchOptions.DEFAULTS);
	}

	/**
	 * Run on many inputs concurrently, blocking until all are done.
	 * @param inputs the inputs
	 * @param config the config of each run; its {@code maxConcurrency} limits the runs in flight
	 * @return the outputs, in input order
	 * @see #batch(List, RunnableConfig, BatchOptions)
	 */
	default List<O> batch(List<I> inputs, RunnableConfig config) {
		return batch(inputs, config, BatchOptions.DEFAULTS);
	}

	/**
	 * Run on many inputs concurrently, never more than the concurrency limit at once, blocking until
	 * all are done. The first failure cancels the runs still going and is thrown as it was raised.
	 * To have failures in place of outputs instead, use {@link #batchAsCompleted} with
	 * {@link BatchOptions#returnExceptions()}.
	 * @param inputs the inputs
	 * @param config the config of each run
	 * @param options the concurrency limit
	 * @return the outputs, in input order
	 * @throws IllegalArgumentException if {@code options} asks to return exceptions
	 */
	default List<O> batch(List<I> inputs, RunnableConfig config, BatchOptions options) {
		return Batches.invoke(this, inputs, config, options);
	}

	/**
	 * Run on many inputs concurrently when the returned {@link Mono} is subscribed.
	 * @param inputs the inputs
	 * @return the outputs, in input order, lazily
	 * @see #abatch(List, RunnableConfig, BatchOptions)
	 */
	default Mono<List<O>> abatch(List<I> inputs) {
		return abatch(inputs, RunnableConfig.EMPTY, BatchOptions.DEFAULTS);
	}

	/**
	 * Run on many inputs concurrently when the returned {@link Mono} is subscribed.
	 * @param inputs the inputs
	 * @param config the config of each run
	 * @return the outputs, in input order, lazily
	 * @see #abatch(List, RunnableConfig, BatchOptions)
	 */
	default Mono<List<O>> abatch(List<I> inputs, RunnableConfig config) {
		return abatch(inputs, config, BatchOptions.DEFAULTS);
	}

	/**
	 * Run on many inputs concurrently, never more than the concurrency limit at once, when the
	 * returned {@link Mono} is subscribed. The first failure cancels the runs still going and fails
	 * the {@code Mono}; cancelling the subscription cancels every run.
	 * @param inputs the inputs
	 * @param config the config of each run
	 * @param options the concurrency limit
	 * @return the outputs, in input order, lazily
	 * @throws IllegalArgumentException if {@code options} asks to return exceptions
	 */
	default Mono<List<O>> abatch(List<I> inputs, RunnableConfig config, BatchOptions options) {
		return Batches.ainvoke(this, inputs, config, options);
	}

	/**
	 * Run on many inputs concurrently and emit each output as soon as it is ready, with the index of
	 * its input.
	 * @param inputs the inputs
	 * @return the outcomes, in completion order, lazily
	 * @see #batchAsCompleted(List, RunnableConfig, BatchOptions)
	 */
	default Flux<Indexed<O>> batchAsCompleted(List<I> inputs) {
		return batchAsCompleted(inputs, RunnableConfig.EMPTY, BatchOptions.DEFAULTS);
	}

	/**
	 * Run on many inputs concurrently, never more than the concurrency limit at once, and emit each
	 * outcome as soon as it is ready, with the index of its input. With
	 * {@link BatchOptions#returnExceptions()} a failed input is emitted as an {@link Indexed}
	 * carrying its exception and the other inputs go on; without it the first failure ends the
	 * stream with that exception.
	 * @param inputs the inputs
	 * @param config the config of each run
	 * @param options the concurrency limit and failure mode
	 * @return the outcomes, in completion order, lazily
	 */
	default Flux<Indexed<O>> batchAsCompleted(List<I> inputs, RunnableConfig config, BatchOptions options) {
		return Batches.asCompleted(this, inputs, config, options);
	}

	/**
	 * Return a sequence that runs this runnable and then {@code next} on its output: LangChain's
	 * {@code |}. Sequences are flattened, so {@code a.pipe(b).pipe(c)} has three steps.
	 * @param <R> the output type of {@code next}
	 * @param next the runnable to run on this one's output
	 * @return the sequence
	 */
	default <R> Runnable<I, R> pipe(Runnable<? super O, ? extends R> next) {
		return RunnableSequence.of(this, next);
	}

	/**
	 * Return a sequence that runs this runnable and then a function on its output.
	 * @param <R> the function's result type
	 * @param next the function, run as a {@link RunnableLambda}
	 * @return the sequence
	 */
	default <R> Runnable<I, R> pipe(Function<? super O, ? extends R> next) {
		return pipe(RunnableLambda.of(next));
	}

	/**
	 * Return a sequence that runs this runnable and then every runnable of {@code branches}
	 * concurrently on its output, producing a map from branch name to output.
	 * @param branches the branches, run as a {@link RunnableParallel} in the map's order
	 * @return the sequence
	 */
	default Runnable<I, Map<String, Object>> pipe(Map<String, ? extends Runnable<? super O, ?>> branches) {
		return pipe(RunnableParallel.of(branches));
	}

	/**
	 * Return the name of this runnable: in logs, graphs, run trees and {@link FailedStep}s.
	 * @return the name; by default the simple name of the class
	 */
	default String getName() {
		return RunnableNames.of(getClass());
	}

	/**
	 * Return what kind of component this runnable is, for run logs, events and observations.
	 * @return the run type; {@link RunType#CHAIN} unless a component says otherwise
	 */
	default RunType runType() {
		return RunType.CHAIN;
	}

	/**
	 * Return what this runnable adds to the metadata of its own runs (not its children's), such as
	 * a chat model's {@code ls_provider} and {@code ls_model_name}, which tracing and metrics read.
	 * @return the metadata; empty by default
	 */
	default Map<String, Object> runMetadata() {
		return Map.of();
	}

	/**
	 * Return the Java type of the input this runnable accepts, when it is declared: a server uses it
	 * to read a request's JSON into that type. Only types the application declares are ever used.
	 * @return the input type; {@code Object.class} when any input is accepted as plain values
	 * (maps, lists, strings, numbers)
	 */
	default java.lang.reflect.Type inputType() {
		return Object.class;
	}

	/**
	 * Return the JSON Schema of the input this runnable accepts.
	 * @return a new schema object; {@code {}} when any input is accepted
	 */
	default ObjectNode inputSchema() {
		return JsonSchemas.any();
	}

	/**
	 * Return the JSON Schema of the output this runnable produces.
	 * @return a new schema object; {@code {}} when the output can be anything
	 */
	default ObjectNode outputSchema() {
		return JsonSchemas.any();
	}

	/**
	 * Return the JSON Schema of the output this runnable produces when it receives input of the
	 * given schema. Runnables whose output is shaped by their input (a passthrough, a pick)
	 * override it; a sequence uses it to work out its output schema step by step.
	 * @param inputSchema the schema of the input this runnable receives
	 * @return a new schema object
	 */
	default ObjectNode outputSchema(ObjectNode inputSchema) {
		return outputSchema();
	}

	/**
	 * Return the values this runnable and the runnables inside it read from
	 * {@link RunnableConfig#configurable()}: the keys of configurable alternatives and fields, a
	 * session id. Composites report the union of their parts'.
	 * @return the specs, each key once; empty by default
	 */
	default List<ConfigurableFieldSpec> configSpecs() {
		return List.of();
	}

	/**
	 * Return the JSON Schema of the {@link RunnableConfig} this runnable accepts, its
	 * {@code configurable} object listing {@link #configSpecs()}.
	 * @return a new schema object
	 */
	default ObjectNode configSchema() {
		return JsonSchemas.config(configSpecs());
	}

	/**
	 * Return the graph of this runnable: its steps as nodes and the flow between them as edges.
	 * @return the graph
	 */
	default Graph getGraph() {
		return Graph.of(this);
	}

	/**
	 * Return this runnable as a tool a chat model may call (LangChain's {@code as_tool}): its input
	 * schema becomes the schema of the tool's arguments (an input that is not an object becomes the
	 * one argument {@code __arg1}), and each call of the tool is a {@code tool} run with this
	 * runnable's run inside it. See {@link Tool#fromRunnable}.
	 * @param name the tool's name, as the model will call it
	 * @param description what it does, for the model to decide when to call it
	 * @return the tool
	 */
	default Tool asTool(String name, String description) {
		return Tool.fromRunnable(this, name, description);
	}

	/**
	 * Return this runnable with retries on failure, as configured by {@code policy}.
	 * @param policy how many attempts, which exceptions, how long to wait between attempts
	 * @return the retrying runnable
	 */
	default Runnable<I, O> withRetry(RetryPolicy policy) {
		return new RunnableRetry<>(this, policy);
	}

	/**
	 * Return this runnable with retries on failure: up to 3 attempts on any exception, with
	 * exponential backoff and jitter.
	 * @return the retrying runnable
	 */
	default Runnable<I, O> withRetry() {
		return withRetry(RetryPolicy.DEFAULTS);
	}

	/**
	 * Return this runnable with fallbacks, tried in order when it fails with an exception.
	 * @param fallbacks the runnables to try instead
	 * @return the runnable with fallbacks
	 * @see RunnableWithFallbacks#builder(Runnable)
	 */
	default Runnable<I, O> withFallbacks(List<? extends Runnable<? super I, ? extends O>> fallbacks) {
		return RunnableWithFallbacks.builder(this).fallbacks(fallbacks).build();
	}

	/**
	 * Return this runnable with one fallback, tried when it fails with an exception.
	 * @param fallback the runnable to try instead
	 * @return the runnable with a fallback
	 */
	default Runnable<I, O> withFallbacks(Runnable<? super I, ? extends O> fallback) {
		return withFallbacks(List.of(fallback));
	}

	/**
	 * Return this runnable with {@code config} applied to every call, under the caller's config.
	 * @param config the config to bind (tags, metadata, a run name, ...)
	 * @return the bound runnable
	 */
	default Runnable<I, O> withConfig(RunnableConfig config) {
		return new RunnableBinding<>(this, config);
	}

	/**
	 * Return this runnable with arguments bound to every call, such as a model's temperature.
	 * Runnables that take arguments (chat models) override this; the default accepts only an
	 * empty map.
	 * @param arguments the arguments
	 * @return the bound runnable
	 * @throws IllegalArgumentException if this runnable takes no arguments
	 */
	default Runnable<I, O> bind(Map<String, ?> arguments) {
		if (arguments.isEmpty()) {
			return this;
		}
		throw new IllegalArgumentException(getName() + " takes no bound arguments, but was given "
				+ arguments.keySet() + "; bind arguments to the runnable that reads them, such as a chat model");
	}

	/**
	 * Return this runnable with parameters that each call may set through
	 * {@link RunnableConfig#configurable()}, such as a chat model's {@code temperature}: a call
	 * whose {@code configurable} holds a field's id runs this runnable {@link #bind bound} to that
	 * value under the parameter's name; a call that holds none runs it as it is.
	 * @param fields the configurable fields by the name of the parameter they set
	 * @return the configurable runnable
	 * @see RunnableConfigurableFields
	 */
	default Runnable<I, O> configurableFields(Map<String, ConfigurableField> fields) {
		return new RunnableConfigurableFields<>(this, fields);
	}

	/**
	 * Return a runnable that runs, per call, this runnable or one of {@code alternatives}, chosen
	 * by the value of {@code key} in {@link RunnableConfig#configurable()}; this runnable is the
	 * choice named {@code defaultKey}, taken when the call names none.
	 * @param key the key under {@code configurable} that names the choice
	 * @param defaultKey the name of this runnable among the choices
	 * @param alternatives the other choices by name
	 * @return the configurable runnable
	 * @see RunnableConfigurableAlternatives
	 */
	default Runnable<I, O> configurableAlternatives(String key, String defaultKey,
			Map<String, ? extends Runnable<? super I, ? extends O>> alternatives) {
		Map<String, Runnable<? super I, ? extends O>> choices = new java.util.LinkedHashMap<>();
		choices.put(defaultKey, this);
		alternatives.forEach((name, alternative) -> {
			if (choices.putIfAbsent(name, alternative) != null) {
				throw new IllegalArgumentException("Alternative '" + name + "' has the name of the default");
			}
		});
		return RunnableConfigurableAlternatives.of(key, defaultKey, choices);
	}

	/**
	 * Return a runnable that runs this one on every element of a list, concurrently.
	 * @return the mapping runnable
	 */
	default Runnable<List<I>, List<O>> map() {
		return new RunnableEach<>(this);
	}

	/**
	 * Return a sequence that runs this runnable and picks keys from its map output: the value
	 * when one key is given, a map of the present keys when several are.
	 * @param keys the keys to pick
	 * @return the sequence
	 */
	default Runnable<I, Object> pick(String... keys) {
		return pipe(RunnablePick.of(keys));
	}

	/**
	 * Return a sequence that runs this runnable and adds keys to its map output, computed by
	 * {@code mappers} from that output concurrently.
	 * @param mappers the runnables computing each new key
	 * @return the sequence
	 */
	default Runnable<I, Map<String, Object>> assign(
			Map<String, ? extends Runnable<? super Map<String, Object>, ?>> mappers) {
		return pipe(RunnableAssign.of(mappers));
	}

}
