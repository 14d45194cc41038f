package dev.lcel.core.parsers;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The conversions of parsed JSON scalars to Java's number and boolean types that need no Jackson:
 * the common case of {@link PartialBinder}, which binds the scalars of every snapshot it sees.
 */
final class Scalars {

	private Scalars() {
	}

	/**
	 * Return {@code value} as {@code target} when that is exact (an integer to any integer type it
	 * fits, any number to {@code double}, a boolean to {@code boolean}), or {@code null} to leave the
	 * conversion, and its error, to Jackson.
	 */
	static Object exact(Object value, Class<?> target) {
		if (value instanceof Boolean) {
			return (target == boolean.class) ? value : null;
		}
		if (!(value instanceof Number number)) {
			return null;
		}
		boolean integral = value instanceof Integer || value instanceof Long;
		if (integral) {
			long whole = number.longValue();
			if (target == int.class || target == Integer.class) {
				return (whole == (int) whole) ? (Object) (int) whole : null;
			}
			if (target == long.class || target == Long.class) {
				return whole;
			}
			if (target == BigInteger.class) {
				return BigInteger.valueOf(whole);
			}
			if (target == BigDecimal.class) {
				return BigDecimal.valueOf(whole);
			}
		}
		if ((target == double.class || target == Double.class) && (integral || value instanceof Double)) {
			return number.doubleValue();
		}
		return null;
	}

}
