package dev.lcel.core.parsers;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.runnable.Runnable;

/**
 * What output parsers accept: text, or a message (or message chunk) whose content is the text.
 */
final class ParserInput {

	private ParserInput() {
	}

	static String text(Object input, Runnable<?, ?> parser) {
		// Classes before interfaces: a negative test against an interface (a message chunk is no
		// CharSequence) makes JDK 17 scan the class's interfaces every time, a class test does not.
		if (input instanceof String text) {
			return text;
		}
		if (input instanceof AIMessage message) {
			return message.content();
		}
		if (input instanceof BaseMessage message) {
			return message.content();
		}
		if (input instanceof CharSequence text) {
			return text.toString();
		}
		// The name only on failure: a default getName() asks the class, which costs per chunk.
		throw new IllegalArgumentException(parser.getName() + " parses a String or a message, but was given "
				+ ((input != null) ? "a " + input.getClass().getName() : "null"));
	}

}
