package dev.lcel.core.wire;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run filters of a {@code stream_log} or {@code stream_events} request, both ways:
 * {@code include_names}, {@code include_types}, {@code include_tags} and their {@code exclude_}
 * twins, beside {@code input} in the request body. Types are written by their
 * {@link RunType#wireName() wire names}; {@code llm} is read as {@link RunType#CHAT_MODEL}, as
 * LangChain's clients may send it.
 */
public final class FilterCodec {

	private static final String INCLUDE_NAMES = "include_names";

	private static final String INCLUDE_TYPES = "include_types";

	private static final String INCLUDE_TAGS = "include_tags";

	private static final String EXCLUDE_NAMES = "exclude_names";

	private static final String EXCLUDE_TYPES = "exclude_types";

	private static final String EXCLUDE_TAGS = "exclude_tags";

	private FilterCodec() {
	}

	/**
	 * Add a filter's six fields to a request body.
	 * @param body the body, changed
	 * @param filter the filter
	 * @return {@code body}
	 */
	public static ObjectNode write(ObjectNode body, RunFilter filter) {
		strings(body.putArray(INCLUDE_NAMES), filter.includeNames());
		types(body.putArray(INCLUDE_TYPES), filter.includeTypes());
		strings(body.putArray(INCLUDE_TAGS), filter.includeTags());
		strings(body.putArray(EXCLUDE_NAMES), filter.excludeNames());
		types(body.putArray(EXCLUDE_TYPES), filter.excludeTypes());
		strings(body.putArray(EXCLUDE_TAGS), filter.excludeTags());
		return body;
	}

	/**
	 * Read the filter of a request body strictly: each field, when present and not {@code null}, is
	 * an array of strings. An unknown type name matches no run.
	 * @param body the request body
	 * @return the filter, {@link RunFilter#ALL} for a body that has none
	 * @throws InvalidWireValueException naming the field (such as {@code /include_tags/1}) if it is
	 * not an array of strings
	 */
	public static RunFilter read(JsonNode body) {
		return new RunFilter(strings(body, INCLUDE_NAMES), types(body, INCLUDE_TYPES), strings(body, INCLUDE_TAGS),
				strings(body, EXCLUDE_NAMES), types(body, EXCLUDE_TYPES), strings(body, EXCLUDE_TAGS));
	}

	private static void strings(ArrayNode array, Collection<String> values) {
		values.forEach(array::add);
	}

	private static void types(ArrayNode array, Collection<RunType> types) {
		types.forEach((type) -> array.add(type.wireName()));
	}

	private static Set<String> strings(JsonNode body, String key) {
		Set<String> values = new LinkedHashSet<>();
		JsonNode array = body.get(key);
		if (array == null || array.isNull()) {
			return values;
		}
		if (!array.isArray()) {
			throw new InvalidWireValueException("/" + key, "must be an array of strings");
		}
		for (int i = 0; i < array.size(); i++) {
			if (!array.get(i).isString()) {
				throw new InvalidWireValueException("/" + key + "/" + i, "must be a string");
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
