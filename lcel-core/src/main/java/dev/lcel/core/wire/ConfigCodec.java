package dev.lcel.core.wire;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.lcel.core.config.RunnableConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code config} of a LangServe request, both ways: {@link #write} gives what a client sends
 * for a {@link RunnableConfig} (its tags, metadata, run name and {@code configurable}), and
 * {@link #read} turns what a server receives back into a config, keeping only the allow-listed
 * keys.
 *
 * <p>Keys are read in either spelling ({@code run_name} and {@code runName}), as LangChain's Python
 * and JavaScript clients send; every other key (callbacks above all) is dropped, never
 * interpreted, and metadata keys starting with {@code __} are dropped too. The allow-listed keys
 * are read strictly: a value of the wrong type, a malformed message inside {@code metadata} or
 * {@code configurable}, or more than the {@link ConfigLimits} allow is an
 * {@link InvalidWireValueException} naming the field.
 */
public final class ConfigCodec {

	private static final Pattern UPPER_CASE = Pattern.compile("(\\p{Lu})");

	private final Set<String> allowed;

	private final ConfigLimits limits;

	private final JsonMapper json;

	/**
	 * Create a reader of clients' config.
	 * @param allowed the keys a client may set, in either spelling
	 * @param limits how much of it is read
	 * @param json the mapper that reads messages inside metadata and {@code configurable}
	 */
	public ConfigCodec(Collection<String> allowed, ConfigLimits limits, JsonMapper json) {
		this.allowed = canonical(allowed);
		this.limits = limits;
		this.json = json;
	}

	/**
	 * Return the config a client sends: tags, metadata, run name and {@code configurable}, each
	 * when set, in snake_case.
	 * @param config the caller's config
	 * @return a new map
	 */
	public static Map<String, Object> write(RunnableConfig config) {
		Map<String, Object> wire = new LinkedHashMap<>();
		if (!config.tags().isEmpty()) {
			wire.put("tags", config.tags());
		}
		if (!config.metadata().isEmpty()) {
			wire.put("metadata", config.metadata());
		}
		if (config.runName() != null) {
			wire.put("run_name", config.runName());
		}
		if (!config.configurable().isEmpty()) {
			wire.put("configurable", config.configurable());
		}
		return wire;
	}

	/**
	 * Return config keys in the spelling this codec compares them in (snake_case).
	 * @param keys keys in either spelling
	 * @return the keys in snake_case
	 */
	public static Set<String> canonical(Collection<String> keys) {
		return Set.copyOf(keys.stream().map(ConfigCodec::snakeCase).toList());
	}

	/**
	 * Read a client's config.
	 * @param config the JSON, may be {@code null}
	 * @param pointer where the config is in the request body, such as {@code /config}
	 * @return the config
	 * @throws InvalidWireValueException with a pointer from the body's root if an allow-listed key
	 * is malformed or over a limit
	 */
	public RunnableConfig read(@Nullable JsonNode config, String pointer) {
		RunnableConfig.Builder builder = RunnableConfig.builder();
		read(config, pointer, builder);
		return builder.build();
	}

	/**
	 * Read a client's config into a config being built, for a server that adds its own values to the
	 * same builder and builds each request's config once.
	 * @param config the JSON, may be {@code null}
	 * @param pointer where the config is in the request body, such as {@code /config}
	 * @param builder where the client's allow-listed values are set
	 * @throws InvalidWireValueException with a pointer from the body's root if an allow-listed key
	 * is malformed or over a limit
	 */
	public void read(@Nullable JsonNode config, String pointer, RunnableConfig.Builder builder) {
		if (config == null || config.isNull()) {
			return;
		}
		if (!config.isObject()) {
			throw new InvalidWireValueException(pointer, "must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : config.properties()) {
			String key = snakeCase(entry.getKey());
			JsonNode value = entry.getValue();
			if (!this.allowed.contains(key) || value.isNull()) {
				continue;
			}
			String field = pointer + "/" + entry.getKey();
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
	}

	private String[] tags(JsonNode value, String field) {
		if (!value.isArray()) {
			throw new InvalidWireValueException(field, "must be an array of strings");
		}
		if (value.size() > this.limits.maxTags()) {
			throw new InvalidWireValueException(field, "at most " + this.limits.maxTags() + " tags"
					+ this.limits.property("max-tags") + ", this has " + value.size());
		}
		String[] tags = new String[value.size()];
		for (int i = 0; i < value.size(); i++) {
			JsonNode tag = value.get(i);
			if (!tag.isString()) {
				throw new InvalidWireValueException(field + "/" + i, "must be a string");
			}
			tags[i] = bounded(tag.asString(), field + "/" + i);
		}
		return tags;
	}

	private Map<String, Object> metadata(JsonNode value, String field) {
		long size = value.isObject() ? value.toString().length() : 0;
		if (size > this.limits.maxMetadataSize()) {
			throw new InvalidWireValueException(field, "at most " + this.limits.maxMetadataSize()
					+ " characters of JSON" + this.limits.property("max-metadata-size") + ", this has " + size);
		}
		return plainMap(value, field, true);
	}

	private String runName(JsonNode value, String field) {
		if (!value.isString()) {
			throw new InvalidWireValueException(field, "must be a string");
		}
		return bounded(value.asString(), field);
	}

	private String bounded(String text, String field) {
		if (text.length() > this.limits.maxTagLength()) {
			throw new InvalidWireValueException(field, "at most " + this.limits.maxTagLength() + " characters"
					+ this.limits.property("max-tag-length") + ", this has " + text.length());
		}
		return text;
	}

	private static int integer(JsonNode value, String field, int least) {
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < least) {
			throw new InvalidWireValueException(field, "must be an integer of at least " + least);
		}
		return value.asInt();
	}

	private Map<String, Object> plainMap(JsonNode value, String field, boolean dropInternal) {
		if (!value.isObject()) {
			throw new InvalidWireValueException(field, "must be an object");
		}
		Map<String, Object> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!(dropInternal && entry.getKey().startsWith("__"))) {
				try {
					map.put(entry.getKey(), WireValues.toJava(this.json, entry.getValue()));
				}
				catch (InvalidWireValueException ex) {
					throw ex.under(entry.getKey()).within(field);
				}
			}
		}
		return map;
	}

	private static boolean hasUpperCase(String key) {
		for (int i = 0; i < key.length(); i++) {
			if (Character.isUpperCase(key.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static String snakeCase(String key) {
		// Python's clients send snake_case already: no matcher for them.
		if (!hasUpperCase(key)) {
			return key;
		}
		return UPPER_CASE.matcher(key).replaceAll("_$1").toLowerCase(Locale.ROOT);
	}

}
