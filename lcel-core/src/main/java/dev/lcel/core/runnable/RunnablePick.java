package dev.lcel.core.runnable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.schema.JsonSchemas;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Picks keys from a map input: with one key its value, with several a map of those present.
 *
 * <p>It streams: each map chunk yields what it holds of the picked keys, and chunks that hold none
 * are skipped.
 */
public final class RunnablePick implements Runnable<Object, Object> {

	private final List<String> keys;

	private RunnablePick(List<String> keys) {
		this.keys = keys;
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
	public Object invoke(Object input, RunnableConfig config) {
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

	@Override
	public Mono<Object> ainvoke(Object input, RunnableConfig config) {
		return Mono.fromCallable(() -> invoke(input, config));
	}

	@Override
	public Flux<Object> astream(Object input, RunnableConfig config) {
		return transform(Flux.just(input), config);
	}

	@Override
	public Flux<Object> transform(Flux<Object> input, RunnableConfig config) {
		return input.concatMap((chunk) -> Mono.justOrEmpty(invoke(chunk, config)))
			.filter((picked) -> !(picked instanceof Map<?, ?> map && map.isEmpty()));
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return JsonSchemas.pick(inputSchema, this.keys);
	}

}
