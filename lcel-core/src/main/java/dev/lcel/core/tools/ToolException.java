package dev.lcel.core.tools;

import dev.lcel.core.LcelException;

/**
 * A tool failed, or a tool-calling loop could not go on: a checked exception thrown by a tool
 * method, a tool failure when the loop is set to fail on them, or the loop reaching its limit of
 * model calls.
 */
public class ToolException extends LcelException {

	/**
	 * Create an exception.
	 * @param message what happened
	 */
	public ToolException(String message) {
		super(message);
	}

	/**
	 * Create an exception.
	 * @param message what happened
	 * @param cause what caused it
	 */
	public ToolException(String message, Throwable cause) {
		super(message, cause);
	}

}
