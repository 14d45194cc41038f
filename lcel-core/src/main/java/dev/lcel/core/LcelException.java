package dev.lcel.core;

/**
 * Root of the exceptions that lcel itself raises.
 *
 * <p>Exceptions thrown by user code (a lambda, a model client) are never wrapped in this type: a
 * chain rethrows them as they were thrown. {@code LcelException} marks what the library detected,
 * such as a recursion limit or a bad argument to a runnable, and its message says what happened,
 * with which value, and what to do.
 */
public class LcelException extends RuntimeException {

	public LcelException(String message) {
		super(message);
	}

	public LcelException(String message, Throwable cause) {
		super(message, cause);
	}

}
