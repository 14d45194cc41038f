package dev.lcel.autoconfigure.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;

/**
 * How the messages of a chat completion request become a chain's input: the conversation itself,
 * the conversation under a key of an input map, or the last user message's text under a key (for
 * a chain that keeps its own history).
 */
sealed interface ChatInput {

	/**
	 * Return the chain's input for a conversation.
	 * @param messages the request's messages, never empty
	 * @return the input
	 * @throws OpenAiApiException if the conversation cannot be the input (no user message)
	 */
	Object toInput(List<BaseMessage> messages);

	/** The chain takes a list of messages. */
	record Messages() implements ChatInput {

		@Override
		public Object toInput(List<BaseMessage> messages) {
			return messages;
		}

	}

	/**
	 * The chain takes a map: the messages under {@code key}, the other keys fixed.
	 * @param key the key of the messages
	 * @param inputs the other keys' values
	 */
	record MessagesKey(String key, Map<String, Object> inputs) implements ChatInput {

		@Override
		public Object toInput(List<BaseMessage> messages) {
			Map<String, Object> input = new LinkedHashMap<>(this.inputs);
			input.put(this.key, messages);
			return input;
		}

	}

	/**
	 * The chain takes a map: the last user message's text under {@code key}, the other keys fixed;
	 * earlier messages are not passed on.
	 * @param key the key of the text
	 * @param inputs the other keys' values
	 */
	record LastUserMessage(String key, Map<String, Object> inputs) implements ChatInput {

		@Override
		public Object toInput(List<BaseMessage> messages) {
			for (int i = messages.size() - 1; i >= 0; i--) {
				if (messages.get(i) instanceof HumanMessage human) {
					Map<String, Object> input = new LinkedHashMap<>(this.inputs);
					input.put(this.key, human.content());
					return input;
				}
			}
			throw OpenAiApiException.invalid("messages",
					"This model answers the last user message, and the request has none; add a message with role 'user'");
		}

	}

}
