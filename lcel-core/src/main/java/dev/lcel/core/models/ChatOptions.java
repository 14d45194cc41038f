package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of a chat model call, bound with {@link ChatModel#bind(Map)}: the common ones as
 * fields and any provider-specific ones in {@code extra}.
 *
 * @param temperature the sampling temperature, or {@code null} for the model's default
 * @param maxTokens the most tokens to generate, or {@code null} for the model's default
 * @param stop texts at which generation stops, possibly empty
 * @param topP the nucleus sampling mass, or {@code null} for the model's default
 * @param tools the tools the model may ask to call, possibly empty
 * @param extra other parameters by their wire name, passed to the provider as they are
 */
public record ChatOptions(@Nullable Double temperature, @Nullable Integer maxTokens, List<String> stop,
		@Nullable Double topP, List<ToolDefinition> tools, Map<String, Object> extra) {

	/** No parameters: every one is the model's default. */
	public static final ChatOptions EMPTY = new ChatOptions(null, null, List.of(), null, List.of(), Map.of());

	/**
	 * Create options, copying the collections.
	 * @param temperature the sampling temperature, or {@code null}
	 * @param maxTokens the most tokens to generate, or {@code null}
	 * @param stop stop texts, {@code null} for none
	 * @param topP the nucleus sampling mass, or {@code null}
	 * @param tools the tools, {@code null} for none
	 * @param extra other parameters, {@code null} for none
	 */
	public ChatOptions {
		stop = (stop != null) ? List.copyOf(stop) : List.of();
		tools = (tools != null) ? List.copyOf(tools) : List.of();
		extra = (extra != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(extra)) : Map.of();
	}

	/**
	 * Return options read from a map, as given to {@code bind}: {@code temperature},
	 * {@code max_tokens} (or {@code maxTokens}), {@code stop} (a string or a list of strings),
	 * {@code top_p} (or {@code topP}), {@code tools} (a list of {@link ToolDefinition}s or of maps
	 * with {@code name}, {@code description} and {@code parameters}); every other key goes to
	 * {@code extra}.
	 * @param arguments the parameters by name
	 * @return the options
	 * @throws IllegalArgumentException if a known parameter has a value of the wrong type
	 */
	public static ChatOptions from(Map<String, ?> arguments) {
		Double temperature = null;
		Integer maxTokens = null;
		List<String> stop = null;
		Double topP = null;
		List<ToolDefinition> tools = null;
		Map<String, Object> extra = new LinkedHashMap<>();
		for (Map.Entry<String, ?> entry : arguments.entrySet()) {
			Object value = entry.getValue();
			switch (entry.getKey()) {
				case "temperature" -> temperature = number(entry.getKey(), value).doubleValue();
				case "max_tokens", "maxTokens" -> maxTokens = number(entry.getKey(), value).intValue();
				case "top_p", "topP" -> topP = number(entry.getKey(), value).doubleValue();
				case "stop" -> stop = stop(value);
				case "tools" -> tools = tools(value);
				default -> extra.put(entry.getKey(), value);
			}
		}
		return new ChatOptions(temperature, maxTokens, stop, topP, tools, extra);
	}

	/**
	 * Return these options with {@code override}'s parameters laid over them: each parameter that
	 * {@code override} sets replaces this one's (tools as a whole list), and the {@code extra} maps
	 * merge.
	 * @param override the options that win
	 * @return the merged options
	 */
	public ChatOptions merge(ChatOptions override) {
		Map<String, Object> mergedExtra = new LinkedHashMap<>(this.extra);
		mergedExtra.putAll(override.extra);
		return new ChatOptions((override.temperature != null) ? override.temperature : this.temperature,
				(override.maxTokens != null) ? override.maxTokens : this.maxTokens,
				(!override.stop.isEmpty()) ? override.stop : this.stop,
				(override.topP != null) ? override.topP : this.topP,
				(!override.tools.isEmpty()) ? override.tools : this.tools, mergedExtra);
	}

	private static Number number(String name, @Nullable Object value) {
		if (value instanceof Number number) {
			return number;
		}
		throw new IllegalArgumentException("Chat option '" + name + "' must be a number, but was "
				+ ((value != null) ? value.getClass().getSimpleName() + " '" + value + "'" : "null"));
	}

	/**
	 * Return options with only the given tools.
	 * @param tools the tools the model may ask to call
	 * @return the options
	 */
	public static ChatOptions withTools(List<ToolDefinition> tools) {
		return new ChatOptions(null, null, null, null, tools, null);
	}

	private static List<ToolDefinition> tools(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("Chat option 'tools' must be a list of tool definitions, but was "
					+ ((value != null) ? value.getClass().getSimpleName() : "null"));
		}
		List<ToolDefinition> tools = new ArrayList<>(list.size());
		for (Object tool : list) {
			if (tool instanceof ToolDefinition definition) {
				tools.add(definition);
			}
			else if (tool instanceof Map<?, ?> map) {
				tools.add(ToolDefinition.from(map));
			}
			else {
				throw new IllegalArgumentException("Chat option 'tools' must hold tool definitions or maps, but holds a "
						+ ((tool != null) ? tool.getClass().getSimpleName() : "null"));
			}
		}
		return tools;
	}

	private static List<String> stop(@Nullable Object value) {
		if (value instanceof String text) {
			return List.of(text);
		}
		if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
			return list.stream().map(String.class::cast).toList();
		}
		throw new IllegalArgumentException("Chat option 'stop' must be a string or a list of strings, but was "
				+ ((value != null) ? value.getClass().getSimpleName() + " '" + value + "'" : "null"));
	}

}
