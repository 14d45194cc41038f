package dev.lcel.core.messages;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A message carrying the result of a tool call back to the model.
 *
 * @param content the tool's result, as text
 * @param toolCallId the id of the {@link ToolCall} this message answers
 * @param id the id, or {@code null}
 * @param name the tool's name, or {@code null}
 */
public record ToolMessage(@JsonProperty("content") String content,
		@JsonProperty("tool_call_id") String toolCallId, @JsonProperty("id") @Nullable String id,
		@JsonProperty("name") @Nullable String name) implements BaseMessage {

	/**
	 * Create a tool message, checking its content and tool call id.
	 * @param content the tool's result, as text
	 * @param toolCallId the id of the tool call this message answers
	 * @param id the id, or {@code null}
	 * @param name the tool's name, or {@code null}
	 */
	public ToolMessage {
		Objects.requireNonNull(content, "content must not be null");
		Objects.requireNonNull(toolCallId, "toolCallId must not be null");
	}

	/**
	 * Create a tool message answering a tool call.
	 * @param content the tool's result, as text
	 * @param toolCallId the id of the tool call this message answers
	 */
	public ToolMessage(String content, String toolCallId) {
		this(content, toolCallId, null, null);
	}

	@Override
	public String role() {
		return "Tool";
	}

}
