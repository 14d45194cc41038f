package dev.lcel.core.messages;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A message of a chat conversation: what prompts produce and chat models consume and return.
 *
 * <p>The set of message types is closed. In JSON every message carries a {@code type} field from a
 * fixed set ({@code system}, {@code human}, {@code ai}, {@code tool}, {@code AIMessageChunk}), as
 * LangChain serialises them; reading JSON never instantiates a type named by the data, and an
 * unknown {@code type} is an error. Every message also carries an empty {@code additional_kwargs}
 * object, which LangChain's clients require to revive it; unknown fields are ignored on reading.
 * The {@code type} is a property of the message itself, so it is written wherever the message is,
 * also inside values whose declared type says nothing of messages (event data, run logs).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SystemMessage.class, name = "system"),
		@JsonSubTypes.Type(value = HumanMessage.class, name = "human"),
		@JsonSubTypes.Type(value = AIMessage.class, name = "ai"),
		@JsonSubTypes.Type(value = ToolMessage.class, name = "tool"),
		@JsonSubTypes.Type(value = AIMessageChunk.class, name = "AIMessageChunk") })
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface BaseMessage permits SystemMessage, HumanMessage, AIMessage, ToolMessage {

	/**
	 * Return the text of this message.
	 * @return the content, never {@code null}
	 */
	String content();

	/**
	 * Return the id of this message, if it has one.
	 * @return the id, or {@code null}
	 */
	@Nullable String id();

	/**
	 * Return the name of the author of this message, if it has one.
	 * @return the name, or {@code null}
	 */
	@Nullable String name();

	/**
	 * Return the role of this message as a short word, for prompts rendered as text.
	 * @return {@code System}, {@code Human}, {@code AI} or {@code Tool}
	 */
	String role();

	/**
	 * Return the type of this message as LangChain names it in JSON.
	 * @return {@code system}, {@code human}, {@code ai}, {@code tool} or {@code AIMessageChunk}
	 */
	@JsonProperty("type")
	default String type() {
		if (this instanceof AIMessageChunk) {
			return "AIMessageChunk";
		}
		if (this instanceof AIMessage) {
			return "ai";
		}
		if (this instanceof HumanMessage) {
			return "human";
		}
		return (this instanceof SystemMessage) ? "system" : "tool";
	}

	/**
	 * Return the provider-specific extra fields of this message: always empty, written so that
	 * LangChain's clients (which require the field) can revive the message.
	 * @return an empty map
	 */
	@JsonProperty("additional_kwargs")
	default Map<String, Object> additionalKwargs() {
		return Map.of();
	}

}
