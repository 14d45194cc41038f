package dev.lcel.autoconfigure.web;

import org.jspecify.annotations.Nullable;

/**
 * Keeps what a problem response echoes from a request short: a field pointer or a value quoted in
 * a message is cut to {@value #MAX_ECHO} characters, so that a long property name cannot make an
 * error answer larger than its request.
 */
final class ProblemText {

	/** The most characters of request data one problem field repeats. */
	static final int MAX_ECHO = 200;

	private ProblemText() {
	}

	static @Nullable String abbreviate(@Nullable String text) {
		return (text == null || text.length() <= MAX_ECHO) ? text : text.substring(0, MAX_ECHO) + "...";
	}

}
