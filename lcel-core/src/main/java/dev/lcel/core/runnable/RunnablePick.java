package dev.lcel.core.runnable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Picks keys from a map input: with one key its value, with several a map of those present.
 *
 * <p>It streams: each map chunk yields what it holds of the picked keys, and chunks that hold none
 * are skipped. Its runs are named {@code RunnablePick<k1,k2>} after its keys, as in LangChain.
 */
public final class RunnablePick extends AbstractTransformingRunnable<Object, Object> {

	private final List<String> keys;

	private final String name;

	private RunnablePick(List<String> keys) {
		this.keys = keys;
		this.name = "RunnablePick<" + String.join(",", keys) + ">";
	}

	/**
	 * Return a pick of the given keys.
	 * @param keys at least one key
	 * @return the pick
	 */
	public static RunnablePick of(String... keys) {
		if (keys.length == 0) {
			throw new IllegalArgumentException("RunnablePick needs at least one key");
		}
		for (String key : keys) {
			Objects.requireNonNull(key, "keys must not contain null");
		}
		return new RunnablePick(List.of(keys));
	}

	/**
	 * Return the picked keys.
	 * @return the keys, in order
	 */
	public List<String> getKeys() {
		return this.keys;
	}

	@Override
	protected boolean mayBlock() {
		return false;
	}

	@Override
	protected Object doInvoke(Object input, RunManager run) {
		return pick(input);
	}

	@Override
	protected Flux<Object> doTransform(Flux<Object> input, RunManager run) {
		return input.concatMap((chunk) -> Mono.justOrEmpty(pick(chunk)))
			.filter((picked) -> !(picked instanceof Map<?, ?> map && map.isEmpty()));
	}

	private Object pick(Object input) {
		if (!(input instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("RunnablePick needs a map input to pick " + this.keys
					+ " from, but got " + ((input != null) ? input.getClass().getName() : "null"));
		}
		if (this.keys.size() == 1) {
			return map.get(this.keys.get(0));
		}
		Map<String, Object> picked = new LinkedHashMap<>();
		for (String key : this.keys) {
			if (map.containsKey(key)) {
				picked.put(key, map.get(key));
			}
		}
		return picked;
	}

	/**
	 * Return the name of this pick's runs: {@code RunnablePick<k1,k2>}, after its keys.
	 * @return the name
	 */
	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return JsonSchemas.pick(inputSchema, this.keys);
	}

}
