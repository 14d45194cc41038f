package dev.lcel.core.messages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A request from the model to call a tool, with its arguments parsed.
 *
 * @param id the id that the answering {@link ToolMessage} refers to, or {@code null}
 * @param name the tool's name
 * @param args the arguments, by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(@JsonProperty("id") @Nullable String id, @JsonProperty("name") String name,
		@JsonProperty("args") Map<String, Object> args) {

	/**
	 * Create a tool call, checking its name and copying its arguments.
	 * @param id the id, or {@code null}
	 * @param name the tool's name
	 * @param args the arguments, {@code null} for none
	 */
	public ToolCall {
		Objects.requireNonNull(name, "name must not be null");
		args = (args != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(args)) : Map.of();
	}

	/**
	 * Return the JSON type tag of a tool call, as LangChain writes it.
	 * @return {@code tool_call}
	 */
	@JsonProperty("type")
	public String type() {
		return "tool_call";
	}

}
