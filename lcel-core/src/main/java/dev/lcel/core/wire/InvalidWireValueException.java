package dev.lcel.core.wire;

import dev.lcel.core.LcelException;
import tools.jackson.core.JacksonException;

/**
 * A JSON value from the wire that cannot become the value it claims to be, such as a message whose
 * {@code tool_calls} is a string: raised by {@link WireValues} with the place of the fault as a
 * JSON Pointer (RFC 6901) relative to the converted value, and a problem said in the terms of the
 * JSON a client sent (never a Java type or a parser's option).
 */
public class InvalidWireValueException extends LcelException {

	private final String pointer;

	private final String problem;

	/**
	 * Create an exception for a fault at a place.
	 * @param pointer where, as a JSON Pointer relative to the converted value ({@code ""} for the
	 * value itself)
	 * @param problem what is wrong there, for example {@code must be an array}
	 */
	public InvalidWireValueException(String pointer, String problem) {
		super(pointer.isEmpty() ? problem : pointer + ": " + problem);
		this.pointer = pointer;
		this.problem = problem;
	}

	/**
	 * Return what Jackson found wrong while reading a value from JSON, with the place it names
	 * and a problem in the terms of JSON (which JSON type was expected, a number out of range, a
	 * required field missing).
	 * @param ex what Jackson raised
	 * @return the exception, with {@code ex} as its cause
	 */
	public static InvalidWireValueException from(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			String step = (reference.getPropertyName() != null) ? reference.getPropertyName()
					: (reference.getIndex() >= 0) ? Integer.toString(reference.getIndex()) : null;
			if (step != null) {
				pointer.append('/').append(escape(step));
			}
		}
		InvalidWireValueException invalid = new InvalidWireValueException(pointer.toString(), WireProblems.describe(ex));
		invalid.initCause(ex);
		return invalid;
	}

	/**
	 * Return where the fault is.
	 * @return a JSON Pointer relative to the converted value, {@code ""} for the value itself
	 */
	public String pointer() {
		return this.pointer;
	}

	/**
	 * Return what is wrong, without the place.
	 * @return the problem
	 */
	public String problem() {
		return this.problem;
	}

	/**
	 * Return this fault as seen from a value that contains the converted one under {@code step}.
	 * @param step the property name or array index under which the converted value sits
	 * @return an exception whose pointer starts with {@code step}
	 */
	InvalidWireValueException under(String step) {
		return within("/" + escape(step));
	}

	/**
	 * Return this fault as seen from the root of a document in which the converted value sits at
	 * {@code pointer}.
	 * @param pointer where the converted value is, as a JSON Pointer
	 * @return an exception whose pointer starts with {@code pointer}
	 */
	InvalidWireValueException within(String pointer) {
		InvalidWireValueException within = new InvalidWireValueException(pointer + this.pointer, this.problem);
		if (getCause() != null) {
			within.initCause(getCause());
		}
		return within;
	}

	private static String escape(String step) {
		return step.replace("~", "~0").replace("/", "~1");
	}

}
