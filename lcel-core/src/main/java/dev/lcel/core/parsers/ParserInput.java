package dev.lcel.core.parsers;

import dev.lcel.core.messages.BaseMessage;

/**
 * What output parsers accept: text, or a message (or message chunk) whose content is the text.
 */
final class ParserInput {

	private ParserInput() {
	}

	static String text(Object input, String parser) {
		if (input instanceof CharSequence text) {
			return text.toString();
		}
		if (input instanceof BaseMessage message) {
			return message.content();
		}
		throw new IllegalArgumentException(parser + " parses a String or a message, but was given "
				+ ((input != null) ? "a " + input.getClass().getName() : "null"));
	}

}
