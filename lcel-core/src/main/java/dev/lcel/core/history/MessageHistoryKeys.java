package dev.lcel.core.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.LcelException;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.models.ChatModel;
import org.jspecify.annotations.Nullable;

/**
 * Where the new messages, the history and the answer are in a chain's input and output, for
 * {@link RunnableWithMessageHistory}: reads the new messages from the input, puts the history into
 * it, and reads the answer from the output.
 *
 * @param inputMessagesKey the input map's key of the new message(s), or {@code null} when the
 * whole input is
 * @param historyMessagesKey the input map's key that receives the history, or {@code null} to
 * prepend the history to the new messages
 * @param outputMessagesKey the output map's key of the answer, or {@code null} when the whole
 * output is
 */
record MessageHistoryKeys(@Nullable String inputMessagesKey, @Nullable String historyMessagesKey,
		@Nullable String outputMessagesKey) {

	List<BaseMessage> inputMessages(Object input) {
		Object value = input;
		if (this.inputMessagesKey != null) {
			if (!(input instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("The input must be a map with the key '" + this.inputMessagesKey
						+ "', but was " + describe(input));
			}
			value = map.get(this.inputMessagesKey);
			if (value == null) {
				throw new IllegalArgumentException("The input has no '" + this.inputMessagesKey
						+ "': it holds the new message of the conversation");
			}
		}
		else if (input instanceof Map<?, ?>) {
			throw new IllegalArgumentException(
					"The input is a map: name the key that holds the new message (input-key / inputMessagesKey)");
		}
		return messages(value);
	}

	@SuppressWarnings("unchecked")
	Object withHistory(Object input, List<BaseMessage> history, List<BaseMessage> inputMessages) {
		if (this.historyMessagesKey != null && input instanceof Map<?, ?> map) {
			Map<String, Object> withHistory = new LinkedHashMap<>((Map<String, Object>) map);
			withHistory.put(this.historyMessagesKey, history);
			return withHistory;
		}
		List<BaseMessage> conversation = new ArrayList<>(history);
		conversation.addAll(inputMessages);
		if (this.inputMessagesKey != null) {
			Map<String, Object> withHistory = new LinkedHashMap<>((Map<String, Object>) input);
			withHistory.put(this.inputMessagesKey, conversation);
			return withHistory;
		}
		return conversation;
	}

	List<BaseMessage> outputMessages(Object output) {
		Object value = output;
		if (this.outputMessagesKey != null && output instanceof Map<?, ?> map) {
			value = map.get(this.outputMessagesKey);
		}
		if (value instanceof AIMessageChunk chunk) {
			return List.of(chunk.toMessage());
		}
		if (value instanceof CharSequence text) {
			return List.of(new AIMessage(text.toString()));
		}
		if (value instanceof BaseMessage || value instanceof List<?>) {
			return ChatModel.toMessages(value);
		}
		throw new LcelException("The chain's answer cannot be kept in the history: it is " + describe(output)
				+ ". End the chain in a chat model or a string parser, or name the output key that holds the answer");
	}

	private static List<BaseMessage> messages(Object value) {
		if (value instanceof CharSequence text) {
			return List.of(new HumanMessage(text.toString()));
		}
		return ChatModel.toMessages(value);
	}

	private static String describe(Object value) {
		return (value != null) ? "a " + value.getClass().getName() : "null";
	}

}
