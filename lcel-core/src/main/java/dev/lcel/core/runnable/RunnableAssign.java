package dev.lcel.core.runnable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunManager;
import dev.lcel.core.schema.JsonSchemas;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passes a map input through with keys added, each computed from the input by a branch of a
 * {@link RunnableParallel}: what {@link #of(Map)} and {@link Runnable#assign(Map)}
 * build.
 *
 * <p>It accepts any input type so that a chain assembled at run time (from YAML, say) that feeds
 * it something other than a map gets a clear error rather than a {@code ClassCastException}.
 *
 * <p>When streaming, the input's own keys are emitted as they arrive, then each computed key as its
 * branch produces it (the branches start at once; what they produce early waits for the input to
 * end), so the chunks aggregate into the {@link #invoke} output, in LangChain's order.
 *
 * <p>Its runs are named {@code RunnableAssign<k1,k2>} after the keys it adds, with the parallel that
 * computes them as a child run, as in LangChain.
 */
public final class RunnableAssign extends AbstractTransformingRunnable<Object, Map<String, Object>> {

	private final RunnableParallel<Map<String, Object>> mapper;

	private final String name;

	private RunnableAssign(RunnableParallel<Map<String, Object>> mapper) {
		this.mapper = mapper;
		this.name = "RunnableAssign<" + String.join(",", mapper.getBranches().keySet()) + ">";
	}

	/**
	 * Return a runnable that passes its map input through with keys added, each computed by a
	 * runnable from that input; the mappers run concurrently. LangChain's
	 * {@code RunnablePassthrough.assign(...)}.
	 * @param mappers the runnables computing each new key
	 * @return the assigning runnable
	 */
	public static RunnableAssign of(Map<String, ? extends Runnable<? super Map<String, Object>, ?>> mappers) {
		return new RunnableAssign(RunnableParallel.of(mappers));
	}

	/**
	 * Return the parallel that computes the added keys.
	 * @return the mapper
	 */
	public RunnableParallel<Map<String, Object>> getMapper() {
		return this.mapper;
	}

	@Override
	protected Map<String, Object> doInvoke(Object input, RunManager run) {
		Map<String, Object> map = requireMap(input);
		Map<String, Object> output = new LinkedHashMap<>(map);
		output.putAll(this.mapper.invoke(map, run.child()));
		return output;
	}

	@Override
	protected Mono<Map<String, Object>> doAinvoke(Object input, RunManager run) {
		return Mono.fromCallable(() -> requireMap(input))
			.flatMap((map) -> this.mapper.ainvoke(map, run.child()).map((added) -> {
				Map<String, Object> output = new LinkedHashMap<>(map);
				output.putAll(added);
				return output;
			}));
	}

	@Override
	protected Flux<Map<String, Object>> doTransform(Flux<Object> input, RunManager run) {
		SharedInput<Map<String, Object>> shared = new SharedInput<>(input.map(RunnableAssign::requireMap));
		Flux<Map<String, Object>> passed = shared.chunks().map(this::withoutAssignedKeys).filter((m) -> !m.isEmpty());
		Flux<Map<String, Object>> assigned = this.mapper.transform(shared.chunks(), run.child());
		return shared.releasing(Flux.mergeSequential(passed, assigned));
	}

	/**
	 * Return the name of this assign's runs: {@code RunnableAssign<k1,k2>}, after the keys it adds.
	 * @return the name
	 */
	@Override
	public String getName() {
		return this.name;
	}

	private Map<String, Object> withoutAssignedKeys(Map<String, Object> chunk) {
		Map<String, Object> passed = new LinkedHashMap<>(chunk);
		passed.keySet().removeAll(this.mapper.getBranches().keySet());
		return passed;
	}

	private static Map<String, Object> requireMap(Object input) {
		if (!(input instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("RunnableAssign needs a map input to add keys to, but got "
					+ ((input != null) ? input.getClass().getName() : "null"));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) input;
		return map;
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return this.mapper.configSpecs();
	}

	@Override
	public ObjectNode inputSchema() {
		return this.mapper.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return outputSchema(inputSchema());
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		ObjectNode added = this.mapper.outputSchema(inputSchema);
		return JsonSchemas.withProperties(inputSchema, "RunnableAssignOutput", added);
	}

	@Override
	public Graph getGraph() {
		return this.mapper.getGraph();
	}

}
