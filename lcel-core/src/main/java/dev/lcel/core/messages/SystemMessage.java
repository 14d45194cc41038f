package dev.lcel.core.messages;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A message that sets the behaviour of the model, usually the first of a conversation.
 *
 * @param content the text
 * @param id the id, or {@code null}
 * @param name the author's name, or {@code null}
 */
public record SystemMessage(@JsonProperty("content") String content, @JsonProperty("id") @Nullable String id,
		@JsonProperty("name") @Nullable String name) implements BaseMessage {

	/**
	 * Create a system message, checking its content.
	 * @param content the text
	 * @param id the id, or {@code null}
	 * @param name the author's name, or {@code null}
	 */
	public SystemMessage {
		Objects.requireNonNull(content, "content must not be null");
	}

	/**
	 * Create a system message with only text.
	 * @param content the text
	 */
	public SystemMessage(String content) {
		this(content, null, null);
	}

	@Override
	public String role() {
		return "System";
	}

}
