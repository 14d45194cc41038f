package dev.lcel.core.prompts;

import java.util.List;

import dev.lcel.core.messages.BaseMessage;

/**
 * What a prompt produces: text for a completion model or messages for a chat model, convertible
 * to either.
 */
public sealed interface PromptValue permits StringPromptValue, ChatPromptValue {

	/**
	 * Return this prompt as text; messages are rendered one per line as {@code Role: content}.
	 * @return the text
	 */
	String toText();

	/**
	 * Return this prompt as chat messages; text becomes one human message.
	 * @return the messages
	 */
	List<BaseMessage> toMessages();

}
