package dev.lcel.core.messages;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A message from the user.
 *
 * @param content the text
 * @param id the id, or {@code null}
 * @param name the author's name, or {@code null}
 */
public record HumanMessage(@JsonProperty("content") String content, @JsonProperty("id") @Nullable String id,
		@JsonProperty("name") @Nullable String name) implements BaseMessage {

	/**
	 * Create a human message, checking its content.
	 * @param content the text
	 * @param id the id, or {@code null}
	 * @param name the author's name, or {@code null}
	 */
	public HumanMessage {
		Objects.requireNonNull(content, "content must not be null");
	}

	/**
	 * Create a human message with only text.
	 * @param content the text
	 */
	public HumanMessage(String content) {
		this(content, null, null);
	}

	@Override
	public String role() {
		return "Human";
	}

}
