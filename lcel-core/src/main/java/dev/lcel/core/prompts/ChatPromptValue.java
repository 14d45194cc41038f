package dev.lcel.core.prompts;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lcel.core.messages.BaseMessage;

/**
 * A prompt that is a list of chat messages, as {@link ChatPromptTemplate} produces.
 *
 * @param messages the messages
 */
public record ChatPromptValue(@JsonProperty("messages") List<BaseMessage> messages) implements PromptValue {

	/**
	 * Create a chat prompt, copying its messages.
	 * @param messages the messages
	 */
	public ChatPromptValue {
		messages = List.copyOf(messages);
	}

	@Override
	public String toText() {
		return this.messages.stream().map((m) -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"));
	}

	@Override
	public List<BaseMessage> toMessages() {
		return this.messages;
	}

	/**
	 * Return the JSON type tag of this prompt value, as LangChain writes it.
	 * @return {@code ChatPromptValueConcrete}
	 */
	@JsonProperty("type")
	public String type() {
		return "ChatPromptValueConcrete";
	}

}
