package dev.lcel.core.prompts;

import dev.lcel.core.LcelException;

/**
 * Thrown when a prompt cannot be formatted from its input, such as when a variable is missing.
 */
public class PromptException extends LcelException {

	/**
	 * Create an exception with a message that says what is wrong and how to fix it.
	 * @param message the message
	 */
	public PromptException(String message) {
		super(message);
	}

}
