package dev.lcel.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.remote.InvalidWireValueException;
import dev.lcel.core.remote.WireValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the {@code config} a client sends into a {@link RunnableConfig}, keeping only the
 * allow-listed keys. Both spellings are accepted ({@code run_name} and {@code runName}), as
 * LangChain's Python and JavaScript clients send; every other key (callbacks above all) is dropped,
 * never interpreted, and metadata keys starting with {@code __} are dropped too.
 *
 * <p>The allow-listed keys are read strictly: a value of the wrong type (tags that are not an array
 * of strings, metadata that is not an object, a malformed message inside {@code metadata} or
 * {@code configurable}) is a 422 naming the field, and so is more echoed data than the limits allow
 * ({@code lcel.server.limits.max-tags}, {@code max-tag-length}, {@code max-metadata-size}): tags,
 * metadata and the run name are repeated in every event of a stream.
 */
final class ClientConfig {

	private final Set<String> allowed;

	private final LcelServerProperties.Limits limits;

	private final JsonMapper json;

	ClientConfig(List<String> allowed, LcelServerProperties.Limits limits, JsonMapper json) {
		this.allowed = Set.copyOf(allowed.stream().map(ClientConfig::snakeCase).toList());
		this.limits = limits;
		this.json = json;
	}

	/**
	 * Read a client's config.
	 * @param config the JSON, may be {@code null}
	 * @param pointer where the config is in the request body, such as {@code /config}
	 * @return the config
	 * @throws ChainRequestException (422) if an allow-listed key is malformed or over a limit
	 */
	RunnableConfig read(JsonNode config, String pointer) {
		RunnableConfig.Builder builder = RunnableConfig.builder();
		if (config == null || config.isNull()) {
			return builder.build();
		}
		if (!config.isObject()) {
			throw ChainRequestException.unprocessable(pointer, "must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : config.properties()) {
			String key = snakeCase(entry.getKey());
			if (!this.allowed.contains(key)) {
				continue;
			}
			JsonNode value = entry.getValue();
			String field = pointer + "/" + entry.getKey();
			if (value.isNull()) {
				continue;
			}
			switch (key) {
				case "tags" -> builder.tags(tags(value, field));
				case "metadata" -> builder.metadata(metadata(value, field));
				case "configurable" -> plainMap(value, field, false).forEach(builder::configurable);
				case "run_name" -> builder.runName(runName(value, field));
				case "max_concurrency" -> builder.maxConcurrency(integer(value, field, 1));
				case "recursion_limit" -> builder.recursionLimit(integer(value, field, 0));
				default -> {
				}
			}
		}
		return builder.build();
	}

	private String[] tags(JsonNode value, String field) {
		if (!value.isArray()) {
			throw ChainRequestException.unprocessable(field, "must be an array of strings");
		}
		if (value.size() > this.limits.getMaxTags()) {
			throw ChainRequestException.unprocessable(field,
					"at most " + this.limits.getMaxTags() + " tags (lcel.server.limits.max-tags), this has " + value.size());
		}
		String[] tags = new String[value.size()];
		for (int i = 0; i < value.size(); i++) {
			JsonNode tag = value.get(i);
			if (!tag.isString()) {
				throw ChainRequestException.unprocessable(field + "/" + i, "must be a string");
			}
			tags[i] = bounded(tag.asString(), field + "/" + i);
		}
		return tags;
	}

	private Map<String, Object> metadata(JsonNode value, String field) {
		long size = value.isObject() ? value.toString().length() : 0;
		if (size > this.limits.getMaxMetadataSize().toBytes()) {
			throw ChainRequestException.unprocessable(field, "at most " + this.limits.getMaxMetadataSize().toBytes()
					+ " characters of JSON (lcel.server.limits.max-metadata-size), this has " + size);
		}
		return plainMap(value, field, true);
	}

	private String runName(JsonNode value, String field) {
		if (!value.isString()) {
			throw ChainRequestException.unprocessable(field, "must be a string");
		}
		return bounded(value.asString(), field);
	}

	private String bounded(String text, String field) {
		if (text.length() > this.limits.getMaxTagLength()) {
			throw ChainRequestException.unprocessable(field, "at most " + this.limits.getMaxTagLength()
					+ " characters (lcel.server.limits.max-tag-length), this has " + text.length());
		}
		return text;
	}

	private static int integer(JsonNode value, String field, int least) {
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < least) {
			throw ChainRequestException.unprocessable(field, "must be an integer of at least " + least);
		}
		return value.asInt();
	}

	private Map<String, Object> plainMap(JsonNode value, String field, boolean dropInternal) {
		if (!value.isObject()) {
			throw ChainRequestException.unprocessable(field, "must be an object");
		}
		Map<String, Object> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!(dropInternal && entry.getKey().startsWith("__"))) {
				try {
					map.put(entry.getKey(), WireValues.toJava(this.json, entry.getValue()));
				}
				catch (InvalidWireValueException ex) {
					throw ChainRequestException.unprocessable(field + "/" + escape(entry.getKey()) + ex.pointer(),
							ex.problem());
				}
			}
		}
		return map;
	}

	static String escape(String step) {
		return step.replace("~", "~0").replace("/", "~1");
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
