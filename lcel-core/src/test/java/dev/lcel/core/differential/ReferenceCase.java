package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.JsonNode;

/**
 * One case as {@code reference.mjs} defines it: its inputs, config and event filter (so both sides run
 * with the same ones) and what LangChain.js reported for it.
 *
 * @param id the case's name, also the key of its Java twin
 * @param input the input of invoke, stream, events and log
 * @param batch the inputs of batch, or {@code null}
 * @param config the config every aspect runs with
 * @param filter the filter of the events and the log
 * @param unordered whether branches run concurrently, so that events and chunks are compared per run
 * @param aspects the aspects compared for this case
 * @param results what LangChain.js reported, per aspect, in the raw shape
 */
record ReferenceCase(String id, Object input, List<Object> batch, RunnableConfig config, RunFilter filter,
		boolean unordered, Set<Aspect> aspects, JsonNode results) {

	boolean has(Aspect aspect) {
		return this.aspects.contains(aspect);
	}

	static ReferenceCase of(JsonNode node) {
		Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
		node.path("aspects").forEach((aspect) -> aspects.add(Aspect.of(aspect.asString())));
		JsonNode batch = node.path("batch");
		return new ReferenceCase(node.path("id").asString(), value(node.path("input")),
				batch.isArray() ? values(batch) : null, config(node.path("config")), filter(node.path("filter")),
				node.path("unordered").asBoolean(), aspects, node.path("results"));
	}

	private static Object value(JsonNode node) {
		return Neutral.JSON.treeToValue(node, Object.class);
	}

	private static List<Object> values(JsonNode array) {
		List<Object> values = new ArrayList<>();
		array.forEach((item) -> values.add(value(item)));
		return values;
	}

	private static RunnableConfig config(JsonNode node) {
		RunnableConfig.Builder config = RunnableConfig.builder();
		if (node.has("tags")) {
			config.tags(strings(node.path("tags")).toArray(String[]::new));
		}
		if (node.has("runName")) {
			config.runName(node.path("runName").asString());
		}
		if (node.has("recursionLimit")) {
			config.recursionLimit(node.path("recursionLimit").asInt());
		}
		return config.build();
	}

	private static RunFilter filter(JsonNode node) {
		RunFilter filter = RunFilter.ALL;
		filter = filter.includeNames(strings(node.path("includeNames")).toArray(String[]::new));
		filter = filter.includeTypes(types(node.path("includeTypes")));
		filter = filter.includeTags(strings(node.path("includeTags")).toArray(String[]::new));
		filter = filter.excludeNames(strings(node.path("excludeNames")).toArray(String[]::new));
		filter = filter.excludeTypes(types(node.path("excludeTypes")));
		return filter.excludeTags(strings(node.path("excludeTags")).toArray(String[]::new));
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static RunType[] types(JsonNode array) {
		return strings(array).stream().map(ReferenceCase::type).toArray(RunType[]::new);
	}

	private static RunType type(String wireName) {
		for (RunType type : RunType.values()) {
			if (type.wireName().equals(wireName)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown run type '" + wireName + "' in reference.mjs' output");
	}

}
