package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.schema.JsonSchemas;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs named branches concurrently on the same input and produces a map from branch name to
 * output: LangChain's {@code RunnableParallel}, also what a {@code Map} of runnables becomes in
 * {@link Runnable#pipe(Map)}.
 *
 * <p>{@link #invoke} takes about as long as the slowest branch, not the sum: branches run on
 * worker threads, at most the config's {@code maxConcurrency} at once. When a branch fails the
 * others are cancelled and its exception is rethrown unchanged. {@link #astream} emits one-key maps
 * {@code {name: chunk}} as each branch produces chunks; they aggregate into the invoke output.
 *
 * <p>Each branch runs as a child run tagged {@code map:key:K}; the parallel's own run is named
 * {@code RunnableParallel<k1,k2>} after its keys, as in LangChain.
 *
 * <p>The output schema is an object with one property per branch. The input schema is the merge
 * of the branches' object input schemas, or else the first branch's that says anything.
 *
 * @param <I> the input type
 */
public final class RunnableParallel<I> extends AbstractTransformingRunnable<I, Map<String, Object>> {

	private final Map<String, Runnable<? super I, ?>> branches;

	private final Map<String, String> tags;

	private final String name;

	private RunnableParallel(Map<String, Runnable<? super I, ?>> branches) {
		this.branches = branches;
		Map<String, String> tags = new LinkedHashMap<>();
		branches.keySet().forEach((key) -> tags.put(key, "map:key:" + key));
		this.tags = tags;
		this.name = "RunnableParallel<" + String.join(",", branches.keySet()) + ">";
	}

	/**
	 * Return a parallel of the given branches, in the map's iteration order.
	 * @param <I> the input type
	 * @param branches at least one runnable, by output key
	 * @return the parallel
	 */
	public static <I> RunnableParallel<I> of(Map<String, ? extends Runnable<? super I, ?>> branches) {
		Objects.requireNonNull(branches, "branches must not be null");
		if (branches.isEmpty()) {
			throw new IllegalArgumentException("A parallel needs at least one branch");
		}
		Map<String, Runnable<? super I, ?>> copy = new LinkedHashMap<>();
		branches.forEach((key, branch) -> copy.put(Objects.requireNonNull(key, "branch names must not be null"),
				RunnableAdapter.adapt(Objects.requireNonNull(branch, () -> "branch '" + key + "' must not be null"))));
		return new RunnableParallel<I>(Collections.unmodifiableMap(copy));
	}

	/**
	 * Return a builder that keeps branches in the order they are added.
	 * @param <I> the input type
	 * @return the builder
	 */
	public static <I> Builder<I> builder() {
		return new Builder<>();
	}

	/**
	 * Return the branches of this parallel.
	 * @return the branches, by output key
	 */
	public Map<String, Runnable<? super I, ?>> getBranches() {
		return this.branches;
	}

	@Override
	protected Map<String, Object> doInvoke(I input, RunManager run) {
		List<String> keys = new ArrayList<>(this.branches.keySet());
		if (keys.size() == 1) {
			return Collections.singletonMap(keys.get(0), invokeBranch(keys, 0, input, run));
		}
		List<Indexed<Object>> outcomes = Blocking.await(Batches.ordered(keys.size(), concurrency(run.child()),
				(i) -> Mono.fromCallable(() -> Indexed.success(i, invokeBranch(keys, i, input, run)))
					.subscribeOn(Workers.scheduler())));
		return toMap(keys, outcomes);
	}

	@Override
	protected Mono<Map<String, Object>> doAinvoke(I input, RunManager run) {
		List<String> keys = new ArrayList<>(this.branches.keySet());
		return Batches.ordered(keys.size(), concurrency(run.child()), (i) -> {
			String key = keys.get(i);
			@SuppressWarnings("unchecked")
			Runnable<I, Object> branch = (Runnable<I, Object>) this.branches.get(key);
			return Mono.defer(() -> branch.ainvoke(input, run.child(this.tags.get(key))))
				.<Indexed<Object>>map((output) -> Indexed.success(i, output))
				.defaultIfEmpty(Indexed.success(i, null))
				.doOnError((ex) -> FailedStep.record(ex, key, i, getName()))
				.subscribeOn(Workers.scheduler());
		}).map((outcomes) -> toMap(keys, outcomes));
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Flux<Map<String, Object>> doTransform(Flux<I> input, RunManager run) {
		SharedInput<I> shared = new SharedInput<>(input);
		List<Flux<Map<String, Object>>> outputs = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, Runnable<? super I, ?>> entry : this.branches.entrySet()) {
			String key = entry.getKey();
			int position = index++;
			Runnable<I, Object> branch = (Runnable<I, Object>) entry.getValue();
			outputs.add(Flux.defer(() -> branch.transform(shared.chunks(), run.child(this.tags.get(key))))
				.map((chunk) -> Collections.singletonMap(key, chunk))
				.doOnError((ex) -> FailedStep.record(ex, key, position, getName()))
				.subscribeOn(Workers.scheduler()));
		}
		return shared.releasing(Flux.merge(Flux.fromIterable(outputs), concurrency(run.child())));
	}

	@SuppressWarnings("unchecked")
	private Object invokeBranch(List<String> keys, int index, I input, RunManager run) {
		String key = keys.get(index);
		Runnable<I, Object> branch = (Runnable<I, Object>) this.branches.get(key);
		try {
			return branch.invoke(input, run.child(this.tags.get(key)));
		}
		catch (RuntimeException | Error ex) {
			FailedStep.record(ex, key, index, getName());
			throw ex;
		}
	}

	/**
	 * Return the name of this parallel's runs: {@code RunnableParallel<k1,k2>}, after its keys.
	 * @return the name
	 */
	@Override
	public String getName() {
		return this.name;
	}

	private int concurrency(RunnableConfig config) {
		return (config.maxConcurrency() != null) ? config.maxConcurrency() : this.branches.size();
	}

	private static Map<String, Object> toMap(List<String> keys, List<Indexed<Object>> outcomes) {
		Map<String, Object> output = new LinkedHashMap<>();
		for (Indexed<Object> outcome : outcomes) {
			output.put(keys.get(outcome.index()), outcome.output());
		}
		return output;
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return ConfigSpecs.union(this.branches.values());
	}

	@Override
	public ObjectNode inputSchema() {
		List<ObjectNode> schemas = new ArrayList<>();
		this.branches.values().forEach((branch) -> schemas.add(branch.inputSchema()));
		return JsonSchemas.mergeObjects(schemas);
	}

	@Override
	public ObjectNode outputSchema() {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		this.branches.forEach((key, branch) -> properties.put(key, branch.outputSchema()));
		return JsonSchemas.object("RunnableParallelOutput", properties, List.of());
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		this.branches.forEach((key, branch) -> properties.put(key, branch.outputSchema(inputSchema)));
		return JsonSchemas.object("RunnableParallelOutput", properties, List.of());
	}

	@Override
	public Graph getGraph() {
		return Graph.sideBySide("RunnableParallel", this.branches.values(), false);
	}

	/**
	 * Builds a {@link RunnableParallel}, keeping branches in the order they are added.
	 *
	 * @param <I> the input type
	 */
	public static final class Builder<I> {

		private final Map<String, Runnable<? super I, ?>> branches = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Add a branch.
		 * @param key the branch's output key
		 * @param branch the runnable
		 * @return this builder
		 */
		public Builder<I> branch(String key, Runnable<? super I, ?> branch) {
			this.branches.put(key, branch);
			return this;
		}

		/**
		 * Build the parallel.
		 * @return the parallel
		 */
		public RunnableParallel<I> build() {
			return RunnableParallel.of(this.branches);
		}

	}

}
