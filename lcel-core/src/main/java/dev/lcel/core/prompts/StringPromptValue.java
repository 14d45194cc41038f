package dev.lcel.core.prompts;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;

/**
 * A prompt that is text, as {@link PromptTemplate} produces.
 *
 * @param text the text
 */
public record StringPromptValue(@JsonProperty("text") String text) implements PromptValue {

	/**
	 * Create a text prompt, checking its text.
	 * @param text the text
	 */
	public StringPromptValue {
		Objects.requireNonNull(text, "text must not be null");
	}

	@Override
	public String toText() {
		return this.text;
	}

	@Override
	public List<BaseMessage> toMessages() {
		return List.of(new HumanMessage(this.text));
	}

	/**
	 * Return the JSON type tag of this prompt value, as LangChain writes it.
	 * @return {@code StringPromptValue}
	 */
	@JsonProperty("type")
	public String type() {
		return "StringPromptValue";
	}

}
