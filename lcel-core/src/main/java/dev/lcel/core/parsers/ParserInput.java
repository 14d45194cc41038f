package dev.lcel.core.parsers;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.runnable.Runnable;

/**
 * What output parsers accept: text, or a message (or message chunk) whose content is the text.
 */
final class ParserInput {

	private ParserInput() {
	}

	static String text(Object input, Runnable<?, ?> parser) {
		if (input instanceof CharSequence text) {
			return text.toString();
		}
		if (input instanceof BaseMessage message) {
			return message.content();
		}
		// The name only on failure: a default getName() asks the class, which costs per chunk.
		throw new IllegalArgumentException(parser.getName() + " parses a String or a message, but was given "
				+ ((input != null) ? "a " + input.getClass().getName() : "null"));
	}

}
