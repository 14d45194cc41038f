package dev.lcel.core.parsers;

import dev.lcel.core.LcelException;

/**
 * Thrown when an output parser cannot parse a model's output; carries the text it was given, so
 * that the caller can log it, show it or ask the model to fix it.
 */
public class OutputParserException extends LcelException {

	private final String text;

	/**
	 * Create an exception for text that could not be parsed.
	 * @param message what is wrong with the text
	 * @param text the text
	 */
	public OutputParserException(String message, String text) {
		super(message);
		this.text = text;
	}

	/**
	 * Create an exception for text that could not be parsed, with the error that said so.
	 * @param message what is wrong with the text
	 * @param text the text
	 * @param cause the underlying error
	 */
	public OutputParserException(String message, String text, Throwable cause) {
		super(message, cause);
		this.text = text;
	}

	/**
	 * Return the text that could not be parsed.
	 * @return the text
	 */
	public String getText() {
		return this.text;
	}

}
