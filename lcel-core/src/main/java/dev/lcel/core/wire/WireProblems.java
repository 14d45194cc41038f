package dev.lcel.core.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Says what Jackson found wrong with a value in the terms of the JSON a client sent: which JSON
 * type was expected, or that a number is out of range, never a Java class or a parser option.
 */
final class WireProblems {

	private WireProblems() {
	}

	static String describe(JacksonException ex) {
		if (ex instanceof InputCoercionException) {
			return "is a number out of range";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + jsonType(mismatch.getTargetType());
		}
		if (ex instanceof ValueInstantiationException) {
			return "lacks a required field, or has null where a value is required";
		}
		return "is not valid here";
	}

	static String jsonType(Class<?> type) {
		if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type == int.class || type == long.class || type == short.class || type == byte.class
				|| type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "an integer";
		}
		if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}

}
