package dev.lcel.core.parsers;

import java.util.List;

import dev.lcel.core.LcelException;

/**
 * Thrown when an output parser cannot parse a model's output; carries the text it was given, so
 * that the caller can log it, show it or ask the model to fix it.
 */
public class OutputParserException extends LcelException {

	private final String text;

	private final List<String> errors;

	/**
	 * Create an exception for text that could not be parsed.
	 * @param message what is wrong with the text
	 * @param text the text
	 */
	public OutputParserException(String message, String text) {
		super(message);
		this.text = text;
		this.errors = List.of();
	}

	/**
	 * Create an exception for text whose value did not validate against the expected schema.
	 * @param message what is wrong with the text
	 * @param text the text
	 * @param errors the validation errors, each starting with the JSON Pointer of the value it is about
	 */
	public OutputParserException(String message, String text, List<String> errors) {
		super(message);
		this.text = text;
		this.errors = List.copyOf(errors);
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
		this.errors = List.of();
	}

	/**
	 * Return the text that could not be parsed.
	 * @return the text
	 */
	public String getText() {
		return this.text;
	}

	/**
	 * Return the validation errors of the parsed value, each starting with the JSON Pointer of
	 * the value it is about ({@code /age: string found, integer expected}); empty when the text was not even JSON.
	 * @return the errors, possibly empty
	 */
	public List<String> getErrors() {
		return this.errors;
	}

}
