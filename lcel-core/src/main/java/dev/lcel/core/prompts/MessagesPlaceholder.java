package dev.lcel.core.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A slot in a {@link ChatPromptTemplate} filled with a list of messages from the input, such as a
 * conversation's history.
 *
 * <p>The input value is a list whose elements are messages, strings (human messages) or maps in
 * the messages' JSON form ({@code {"type": "human", "content": "hi"}}), so that a placeholder can be
 * filled from a JSON request body.
 *
 * @param variableName the input key that holds the messages
 * @param optional whether the input may leave the key out (then the slot is empty)
 */
public record MessagesPlaceholder(String variableName, boolean optional) implements ChatPromptPart {

	/**
	 * Create a placeholder, checking its variable name.
	 * @param variableName the input key that holds the messages
	 * @param optional whether the input may leave the key out
	 */
	public MessagesPlaceholder {
		Objects.requireNonNull(variableName, "variableName must not be null");
	}

	/**
	 * Return a placeholder that the input must fill.
	 * @param variableName the input key that holds the messages
	 * @return the placeholder
	 */
	public static MessagesPlaceholder of(String variableName) {
		return new MessagesPlaceholder(variableName, false);
	}

	/**
	 * Return a placeholder that the input may leave out.
	 * @param variableName the input key that holds the messages
	 * @return the placeholder
	 */
	public static MessagesPlaceholder optional(String variableName) {
		return new MessagesPlaceholder(variableName, true);
	}

	@Override
	public List<String> variables() {
		return List.of(this.variableName);
	}

	@Override
	public List<BaseMessage> format(Map<String, Object> values) {
		Object value = values.get(this.variableName);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw new PromptException("Placeholder '" + this.variableName + "' needs a list of messages, but was given a "
					+ value.getClass().getName());
		}
		List<BaseMessage> messages = new ArrayList<>(list.size());
		for (Object element : list) {
			messages.add(toMessage(element));
		}
		return messages;
	}

	private BaseMessage toMessage(Object element) {
		if (element instanceof BaseMessage message) {
			return message;
		}
		if (element instanceof CharSequence text) {
			return new HumanMessage(text.toString());
		}
		if (element instanceof Map<?, ?> map) {
			return JsonMapper.shared().convertValue(map, BaseMessage.class);
		}
		throw new PromptException("Placeholder '" + this.variableName + "' accepts messages, strings or message maps, "
				+ "but was given a " + ((element != null) ? element.getClass().getName() : "null"));
	}

}
