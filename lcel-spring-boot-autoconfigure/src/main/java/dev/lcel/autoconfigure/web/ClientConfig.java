package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.remote.WireValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the {@code config} a client sends into a {@link RunnableConfig}, keeping only the
 * allow-listed keys. Both spellings are accepted ({@code run_name} and {@code runName}), as
 * LangChain's Python and JavaScript clients send; every other key (callbacks above all) is dropped,
 * never interpreted, and metadata keys starting with {@code __} are dropped too.
 */
final class ClientConfig {

	private final Set<String> allowed;

	ClientConfig(List<String> allowed) {
		this.allowed = Set.copyOf(allowed.stream().map(ClientConfig::snakeCase).toList());
	}

	RunnableConfig read(JsonNode config) {
		RunnableConfig.Builder builder = RunnableConfig.builder();
		if (config == null || !config.isObject()) {
			return builder.build();
		}
		for (Map.Entry<String, JsonNode> entry : config.properties()) {
			String key = snakeCase(entry.getKey());
			if (!this.allowed.contains(key)) {
				continue;
			}
			JsonNode value = entry.getValue();
			switch (key) {
				case "tags" -> builder.tags(strings(value).toArray(String[]::new));
				case "metadata" -> builder.metadata(plainMap(value, true));
				case "configurable" -> plainMap(value, false).forEach(builder::configurable);
				case "run_name" -> builder.runName(value.isString() ? value.asString() : null);
				case "max_concurrency" -> builder.maxConcurrency(value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : null);
				case "recursion_limit" -> builder.recursionLimit(value.canConvertToInt() ? Math.max(0, value.asInt()) : RunnableConfig.DEFAULT_RECURSION_LIMIT);
				default -> {
				}
			}
		}
		return builder.build();
	}

	private static List<String> strings(JsonNode value) {
		List<String> strings = new ArrayList<>();
		if (value.isArray()) {
			value.forEach((item) -> {
				if (item.isString()) {
					strings.add(item.asString());
				}
			});
		}
		return strings;
	}

	private static Map<String, Object> plainMap(JsonNode value, boolean dropInternal) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				if (!(dropInternal && entry.getKey().startsWith("__"))) {
					map.put(entry.getKey(), WireValues.toJava(JsonMapper.shared(), entry.getValue()));
				}
			}
		}
		return map;
	}

	static String snakeCase(String key) {
		StringBuilder snake = new StringBuilder(key.length() + 4);
		for (char c : key.toCharArray()) {
			if (Character.isUpperCase(c)) {
				snake.append('_').append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return snake.toString();
	}

}
