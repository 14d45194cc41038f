package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.Runs;
import dev.lcel.core.graph.Graph;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the first branch whose condition holds for the input, or the default branch when none does.
 *
 * <p>Conditions are checked in order, each at most once per call; only the chosen branch runs,
 * and it streams if it can. The input schema is the default branch's, the output schema the
 * default branch's.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableBranch<I, O> implements Runnable<I, O> {

	private final List<Case<I, O>> cases;

	private final Runnable<? super I, ? extends O> otherwise;

	private RunnableBranch(List<Case<I, O>> cases, Runnable<? super I, ? extends O> otherwise) {
		this.cases = cases;
		this.otherwise = otherwise;
	}

	/**
	 * Return a builder of a branch.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @return the builder
	 */
	public static <I, O> Builder<I, O> builder() {
		return new Builder<>();
	}

	@Override
	@SuppressWarnings("unchecked")
	public O invoke(I input, RunnableConfig config) {
		if (Runs.needsOwnRun(this, config)) {
			return Runs.invoke(this, input, config);
		}
		RunnableConfig child = config.forChild();
		for (Case<I, O> branch : this.cases) {
			if (Boolean.TRUE.equals(Runs.invoke((Runnable<I, Boolean>) branch.condition(), input, child))) {
				return Runs.invoke((Runnable<I, O>) branch.runnable(), input, child);
			}
		}
		return Runs.invoke((Runnable<I, O>) this.otherwise, input, child);
	}

	@Override
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		if (Runs.needsOwnRun(this, config)) {
			return Runs.ainvoke(this, input, config);
		}
		RunnableConfig child = config.forChild();
		return choose(input, child).flatMap((chosen) -> Runs.ainvoke(chosen, input, child));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		if (Runs.needsOwnRun(this, config)) {
			return Runs.astream(this, input, config);
		}
		RunnableConfig child = config.forChild();
		return choose(input, child).flatMapMany((chosen) -> Runs.astream(chosen, input, child));
	}

	@SuppressWarnings("unchecked")
	private Mono<Runnable<I, O>> choose(I input, RunnableConfig config) {
		return Flux.fromIterable(this.cases)
			.concatMap((branch) -> Runs.ainvoke((Runnable<I, Boolean>) branch.condition(), input, config)
				.filter(Boolean.TRUE::equals)
				.map((holds) -> (Runnable<I, O>) branch.runnable()), 1)
			.next()
			.defaultIfEmpty((Runnable<I, O>) this.otherwise);
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		List<Runnable<?, ?>> parts = new ArrayList<>();
		for (Case<I, O> branchCase : this.cases) {
			parts.add(branchCase.condition());
			parts.add(branchCase.runnable());
		}
		parts.add(this.otherwise);
		return ConfigSpecs.union(parts);
	}

	@Override
	public ObjectNode inputSchema() {
		return this.otherwise.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return this.otherwise.outputSchema();
	}

	@Override
	public Graph getGraph() {
		Graph graph = new Graph();
		Graph.Node in = graph.addSchemaNode(getName() + "Input");
		Graph.Node out = graph.addSchemaNode(getName() + "Output");
		List<Runnable<? super I, ? extends O>> targets = new ArrayList<>();
		this.cases.forEach((branch) -> targets.add(branch.runnable()));
		targets.add(this.otherwise);
		for (Runnable<? super I, ? extends O> target : targets) {
			Graph branchGraph = target.getGraph();
			branchGraph.trimFirstNode();
			branchGraph.trimLastNode();
			Graph.Span span = graph.extend(branchGraph);
			graph.addConditionalEdge(in, span.first());
			graph.addEdge(span.last(), out);
		}
		return graph;
	}

	/**
	 * A condition and the runnable to run when it holds.
	 *
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param condition a runnable producing {@code true} when the branch applies
	 * @param runnable the branch
	 */
	public record Case<I, O>(Runnable<? super I, Boolean> condition, Runnable<? super I, ? extends O> runnable) {

		public Case {
			Objects.requireNonNull(condition, "condition must not be null");
			Objects.requireNonNull(runnable, "runnable must not be null");
		}

	}

	/**
	 * Builds a {@link RunnableBranch}: {@code when} cases in order, then {@code otherwise}.
	 *
	 * @param <I> the input type
	 * @param <O> the output type
	 */
	public static final class Builder<I, O> {

		private final List<Case<I, O>> cases = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add a branch taken when {@code condition} holds for the input.
		 * @param condition the condition
		 * @param runnable the branch
		 * @return this builder
		 */
		public Builder<I, O> when(Predicate<? super I> condition, Runnable<? super I, ? extends O> runnable) {
			Objects.requireNonNull(condition, "condition must not be null");
			return when(RunnableLambda.<I, Boolean>of("condition", condition::test), runnable);
		}

		/**
		 * Add a branch taken when the runnable {@code condition} produces {@code true}.
		 * @param condition the condition
		 * @param runnable the branch
		 * @return this builder
		 */
		public Builder<I, O> when(Runnable<? super I, Boolean> condition, Runnable<? super I, ? extends O> runnable) {
			this.cases.add(new Case<>(condition, runnable));
			return this;
		}

		/**
		 * Set the branch taken when no condition holds, and build.
		 * @param runnable the default branch
		 * @return the branch runnable
		 */
		public RunnableBranch<I, O> otherwise(Runnable<? super I, ? extends O> runnable) {
			Objects.requireNonNull(runnable, "the default branch must not be null");
			if (this.cases.isEmpty()) {
				throw new IllegalArgumentException("A branch needs at least one 'when' case before 'otherwise'");
			}
			return new RunnableBranch<>(List.copyOf(this.cases), runnable);
		}

	}

}
