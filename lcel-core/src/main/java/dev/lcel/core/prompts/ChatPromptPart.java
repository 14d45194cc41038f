package dev.lcel.core.prompts;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.BaseMessage;

/**
 * One entry of a {@link ChatPromptTemplate}: a message template of some role, a fixed message or a
 * {@link MessagesPlaceholder}.
 */
public sealed interface ChatPromptPart permits MessagesPlaceholder, MessageTemplate, FixedMessage {

	/**
	 * Return the variables this part reads.
	 * @return the variable names, in order of appearance
	 */
	List<String> variables();

	/**
	 * Produce this part's messages.
	 * @param values the value of every variable of the prompt
	 * @return the messages
	 */
	List<BaseMessage> format(Map<String, Object> values);

}
