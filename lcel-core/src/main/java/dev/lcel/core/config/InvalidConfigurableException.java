package dev.lcel.core.config;

import java.util.List;

import dev.lcel.core.LcelException;

/**
 * Raised when a call's {@link RunnableConfig#configurable()} lacks a value a runnable needs (a
 * session id) or holds one it does not accept (an unknown alternative). The caller's mistake: a
 * server answers it with a 400 that carries this message.
 */
public class InvalidConfigurableException extends LcelException {

	private final String key;

	private final List<String> choices;

	/**
	 * Create the exception.
	 * @param key the key under {@code configurable}
	 * @param choices the accepted values, empty when any value would do
	 * @param message what is wrong and what to do
	 */
	public InvalidConfigurableException(String key, List<String> choices, String message) {
		super(message);
		this.key = key;
		this.choices = List.copyOf(choices);
	}

	/**
	 * Return the key under {@code configurable} whose value is missing or wrong.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the values the key accepts.
	 * @return the choices, empty when any value would do
	 */
	public List<String> getChoices() {
		return this.choices;
	}

}
