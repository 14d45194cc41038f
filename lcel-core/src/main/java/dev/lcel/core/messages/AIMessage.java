package dev.lcel.core.messages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A message from the model: its text, the tools it asks to call, the tokens it used and what the
 * provider said about the call.
 *
 * <p>An immutable value. Unlike the other messages it is a class rather than a record, because a
 * streamed part of it, {@link AIMessageChunk}, is also an {@code AIMessage}: a chat model's
 * {@code astream} emits chunks where its {@code invoke} returns a whole message, as in LangChain.
 * Two messages are equal when they are of the same class and all their fields are equal.
 */
public sealed class AIMessage implements BaseMessage permits AIMessageChunk {

	private final String content;

	private final List<ToolCall> toolCalls;

	private final @Nullable UsageMetadata usageMetadata;

	private final Map<String, Object> responseMetadata;

	private final @Nullable String id;

	private final @Nullable String name;

	/**
	 * Create a message from the model.
	 * @param content the text
	 * @param toolCalls the tools the model asks to call, {@code null} for none
	 * @param usageMetadata the tokens used, or {@code null} if not reported
	 * @param responseMetadata what the provider said about the call (model name, finish reason),
	 * {@code null} for nothing
	 * @param id the id, or {@code null}
	 * @param name the author's name, or {@code null}
	 */
	@JsonCreator
	public AIMessage(@JsonProperty("content") String content,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
			@JsonProperty("usage_metadata") @Nullable UsageMetadata usageMetadata,
			@JsonProperty("response_metadata") @Nullable Map<String, Object> responseMetadata,
			@JsonProperty("id") @Nullable String id, @JsonProperty("name") @Nullable String name) {
		this.content = Objects.requireNonNull(content, "content must not be null");
		this.toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : List.of();
		this.usageMetadata = usageMetadata;
		this.responseMetadata = (responseMetadata != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(responseMetadata)) : Map.of();
		this.id = id;
		this.name = name;
	}

	/**
	 * Create a message from the model with only text.
	 * @param content the text
	 */
	public AIMessage(String content) {
		this(content, null, null, null, null, null);
	}

	@Override
	@JsonProperty("content")
	public String content() {
		return this.content;
	}

	/**
	 * Return the tools the model asks to call.
	 * @return the tool calls, possibly empty
	 */
	@JsonProperty("tool_calls")
	public List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * Return the tokens this call used.
	 * @return the usage, or {@code null} if the provider did not report it
	 */
	@JsonProperty("usage_metadata")
	public @Nullable UsageMetadata usageMetadata() {
		return this.usageMetadata;
	}

	/**
	 * Return what the provider said about the call, such as the model name and the finish reason.
	 * @return the metadata, possibly empty
	 */
	@JsonProperty("response_metadata")
	public Map<String, Object> responseMetadata() {
		return this.responseMetadata;
	}

	@Override
	@JsonProperty("id")
	public @Nullable String id() {
		return this.id;
	}

	@Override
	@JsonProperty("name")
	public @Nullable String name() {
		return this.name;
	}

	@Override
	public String role() {
		return "AI";
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || other.getClass() != getClass()) {
			return false;
		}
		AIMessage that = (AIMessage) other;
		return this.content.equals(that.content) && this.toolCalls.equals(that.toolCalls)
				&& Objects.equals(this.usageMetadata, that.usageMetadata)
				&& this.responseMetadata.equals(that.responseMetadata) && Objects.equals(this.id, that.id)
				&& Objects.equals(this.name, that.name);
	}

	@Override
	public int hashCode() {
		return Objects.hash(getClass(), this.content, this.toolCalls, this.usageMetadata, this.responseMetadata,
				this.id, this.name);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[content=" + this.content + ", toolCalls=" + this.toolCalls
				+ ", usageMetadata=" + this.usageMetadata + ", responseMetadata=" + this.responseMetadata + ", id="
				+ this.id + ", name=" + this.name + "]";
	}

}
