package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the first branch whose condition holds for the input, or the default branch when none does.
 *
 * <p>Conditions are checked in order, each at most once per call; only the chosen branch runs,
 * and it streams if it can. Conditions run as child runs tagged {@code condition:N}, the chosen
 * branch as one tagged {@code branch:N} (counting from 1) or {@code branch:default}, as in
 * LangChain. The input schema is the default branch's, the output schema the
 * default branch's.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableBranch<I, O> extends AbstractRunnable<I, O> {

	private static final String DEFAULT_TAG = "branch:default";

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
	protected O doInvoke(I input, RunManager run) {
		for (int i = 0; i < this.cases.size(); i++) {
			Case<I, O> branch = this.cases.get(i);
			if (Boolean.TRUE.equals(((Runnable<I, Boolean>) branch.condition()).invoke(input, run.child("condition:" + (i + 1))))) {
				return ((Runnable<I, O>) branch.runnable()).invoke(input, run.child("branch:" + (i + 1)));
			}
		}
		return ((Runnable<I, O>) this.otherwise).invoke(input, run.child(DEFAULT_TAG));
	}

	@Override
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return choose(input, run).flatMap((chosen) -> chosen.runnable().ainvoke(input, run.child(chosen.tag())));
	}

	@Override
	protected Flux<O> doStream(I input, RunManager run) {
		return choose(input, run).flatMapMany((chosen) -> chosen.runnable().astream(input, run.child(chosen.tag())));
	}

	@SuppressWarnings("unchecked")
	private Mono<Chosen<I, O>> choose(I input, RunManager run) {
		return Flux.range(0, this.cases.size())
			.concatMap((i) -> ((Runnable<I, Boolean>) this.cases.get(i).condition())
				.ainvoke(input, run.child("condition:" + (i + 1)))
				.filter(Boolean.TRUE::equals)
				.map((holds) -> new Chosen<>((Runnable<I, O>) this.cases.get(i).runnable(), "branch:" + (i + 1))), 1)
			.next()
			.defaultIfEmpty(new Chosen<>((Runnable<I, O>) this.otherwise, DEFAULT_TAG));
	}

	private record Chosen<I, O>(Runnable<I, O> runnable, String tag) {
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
		List<Runnable<? super I, ? extends O>> targets = new ArrayList<>();
		this.cases.forEach((branch) -> targets.add(branch.runnable()));
		targets.add(this.otherwise);
		return Graph.sideBySide(getName(), targets, true);
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
			condition = RunnableAdapter.adapt(Objects.requireNonNull(condition, "condition must not be null"));
			runnable = RunnableAdapter.adapt(Objects.requireNonNull(runnable, "runnable must not be null"));
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
			return when(RunnableLambda.<I, Boolean>of(condition::test), runnable);
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
			return new RunnableBranch<>(List.copyOf(this.cases), RunnableAdapter.adapt(runnable));
		}

	}

}
