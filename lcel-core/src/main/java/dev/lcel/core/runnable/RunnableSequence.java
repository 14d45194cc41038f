package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.tracing.internal.RunStreams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs steps one after another, each on the output of the step before: what
 * {@link Runnable#pipe(Runnable)} builds.
 *
 * <p>{@link #invoke} calls each step's {@code invoke} directly, with no Reactor machinery between
 * them. {@link #astream} and {@link #transform} connect the steps' {@code transform}s, so every
 * step that can work on a stream receives its input chunk by chunk and output flows as soon as the
 * last step produces it; a step that cannot stream receives the aggregate of the chunks before it.
 *
 * <p>Each step runs as a child run tagged {@code seq:step:N} (counting from 1), as in LangChain.
 *
 * <p>The input schema is the first step's; the output schema is worked out step by step from it.
 * When a step fails its exception is rethrown unchanged, with a {@link FailedStep} naming the step.
 *
 * @param <I> the input type of the first step
 * @param <O> the output type of the last step
 */
public final class RunnableSequence<I, O> extends AbstractTransformingRunnable<I, O> {

	private static final String[] STEP_TAGS = new String[16];

	static {
		for (int i = 0; i < STEP_TAGS.length; i++) {
			STEP_TAGS[i] = "seq:step:" + (i + 1);
		}
	}

	private final List<Runnable<Object, Object>> steps;

	private RunnableSequence(List<Runnable<Object, Object>> steps) {
		this.steps = steps;
	}

	/**
	 * Return a sequence of two runnables; a sequence among them contributes its steps.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param first the first runnable
	 * @param second the runnable run on the first one's output
	 * @return the sequence
	 */
	public static <I, O> RunnableSequence<I, O> of(Runnable<I, ?> first, Runnable<?, ? extends O> second) {
		return fromSteps(List.of(first, second));
	}

	/**
	 * Return a sequence of the given steps; a sequence among them contributes its steps.
	 * @param <I> the input type of the first step
	 * @param <O> the output type of the last step
	 * @param steps at least two runnables, each accepting the output of the one before
	 * @return the sequence
	 */
	@SuppressWarnings("unchecked")
	public static <I, O> RunnableSequence<I, O> fromSteps(List<? extends Runnable<?, ?>> steps) {
		List<Runnable<Object, Object>> flat = new ArrayList<>();
		for (Runnable<?, ?> step : steps) {
			Objects.requireNonNull(step, "steps must not contain null");
			if (step instanceof RunnableSequence<?, ?> sequence) {
				flat.addAll(sequence.steps);
			}
			else {
				flat.add(RunnableAdapter.adapt((Runnable<Object, Object>) step));
			}
		}
		if (flat.size() < 2) {
			throw new IllegalArgumentException("A sequence needs at least 2 steps, got " + flat.size());
		}
		return new RunnableSequence<>(List.copyOf(flat));
	}

	/**
	 * Return the steps of this sequence.
	 * @return the steps, in order
	 */
	public List<Runnable<?, ?>> getSteps() {
		return Collections.unmodifiableList(this.steps);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected O doInvoke(I input, RunManager run) {
		Object value = input;
		for (int i = 0; i < this.steps.size(); i++) {
			try {
				value = this.steps.get(i).invoke(value, run.child(stepTag(i)));
			}
			catch (RuntimeException | Error ex) {
				recordFailure(ex, i);
				throw ex;
			}
		}
		return (O) value;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Mono<O> doAinvoke(I input, RunManager run) {
		Mono<Object> value = Mono.just(input);
		for (int i = 0; i < this.steps.size(); i++) {
			Runnable<Object, Object> step = this.steps.get(i);
			int index = i;
			value = value.flatMap((in) -> step.ainvoke(in, run.child(stepTag(index))))
				.doOnError((ex) -> recordFailure(ex, index));
		}
		return (Mono<O>) value;
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Flux<O> doTransform(Flux<I> input, RunManager run) {
		Flux<Object> chunks = (Flux<Object>) input;
		for (int i = 0; i < this.steps.size(); i++) {
			int index = i;
			// In the operator of the run downstream when there is one: no operator of its own per chunk.
			chunks = RunStreams.doOnError(this.steps.get(i).transform(chunks, run.child(stepTag(i))), run,
					(ex) -> recordFailure(ex, index));
		}
		return (Flux<O>) chunks;
	}

	private static String stepTag(int index) {
		return (index < STEP_TAGS.length) ? STEP_TAGS[index] : "seq:step:" + (index + 1);
	}

	private void recordFailure(Throwable ex, int index) {
		FailedStep.record(ex, this.steps.get(index).getName(), index, getName());
	}

	@Override
	public java.lang.reflect.Type inputType() {
		return this.steps.get(0).inputType();
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return ConfigSpecs.union(this.steps);
	}

	@Override
	public ObjectNode inputSchema() {
		return this.steps.get(0).inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return outputSchema(inputSchema());
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		ObjectNode schema = inputSchema;
		for (Runnable<Object, Object> step : this.steps) {
			schema = step.outputSchema(schema);
		}
		return schema;
	}

	@Override
	public Graph getGraph() {
		Graph graph = new Graph();
		Graph.Node previousLast = null;
		for (int i = 0; i < this.steps.size(); i++) {
			Graph stepGraph = this.steps.get(i).getGraph();
			if (i > 0) {
				stepGraph.trimFirstNode();
			}
			if (i < this.steps.size() - 1) {
				stepGraph.trimLastNode();
			}
			Graph.Span span = graph.extend(stepGraph);
			if (previousLast != null) {
				graph.addEdge(previousLast, span.first());
			}
			previousLast = span.last();
		}
		return graph;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (Runnable<Object, Object> step : this.steps) {
			text.append((text.length() > 0) ? " | " : "").append(step.getName());
		}
		return text.toString();
	}

}
