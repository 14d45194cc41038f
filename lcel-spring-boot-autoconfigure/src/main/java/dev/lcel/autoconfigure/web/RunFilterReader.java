package dev.lcel.autoconfigure.web;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.JsonNode;

/**
 * Reads the filters of a {@code stream_log} or {@code stream_events} request
 * ({@code include_names}, {@code include_types}, {@code include_tags} and their {@code exclude_}
 * twins) strictly: each, when present, is an array of strings, and anything else is a 422 naming
 * the field.
 */
final class RunFilterReader {

	private RunFilterReader() {
	}

	static RunFilter read(JsonNode body) {
		return new RunFilter(strings(body, "include_names"), types(body, "include_types"),
				strings(body, "include_tags"), strings(body, "exclude_names"), types(body, "exclude_types"),
				strings(body, "exclude_tags"));
	}

	private static Set<String> strings(JsonNode body, String key) {
		Set<String> values = new LinkedHashSet<>();
		JsonNode array = body.get(key);
		if (array == null || array.isNull()) {
			return values;
		}
		if (!array.isArray()) {
			throw ChainRequestException.unprocessable("/" + key, "must be an array of strings");
		}
		for (int i = 0; i < array.size(); i++) {
			if (!array.get(i).isString()) {
				throw ChainRequestException.unprocessable("/" + key + "/" + i, "must be a string");
			}
			values.add(array.get(i).asString());
		}
		return values;
	}

	private static Set<RunType> types(JsonNode body, String key) {
		Set<RunType> types = new LinkedHashSet<>();
		for (String name : strings(body, key)) {
			for (RunType type : RunType.values()) {
				if (type.wireName().equals(name) || ("llm".equals(name) && type == RunType.CHAT_MODEL)) {
					types.add(type);
				}
			}
		}
		return types;
	}

}
