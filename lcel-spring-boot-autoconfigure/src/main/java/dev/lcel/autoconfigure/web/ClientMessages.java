package dev.lcel.autoconfigure.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Puts a step's complaint about its input in the client's terms before it goes into a 422: a
 * Java class name (such as {@code java.util.LinkedHashMap}) becomes the JSON type a client sent
 * ({@code a JSON object}), and the text is cut to a bounded length.
 */
final class ClientMessages {

	private static final Pattern CLASS_NAME = Pattern
		.compile("\\b(?:an? )?(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)(?:\\[])?");

	private static final int MAX_LENGTH = 500;

	private ClientMessages() {
	}

	static String scrub(@Nullable String message) {
		if (message == null) {
			return "The input cannot be used by a step of the chain";
		}
		String text = (message.length() > MAX_LENGTH) ? message.substring(0, MAX_LENGTH) + "..." : message;
		Matcher matcher = CLASS_NAME.matcher(text);
		StringBuilder scrubbed = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(scrubbed, Matcher.quoteReplacement(jsonType(matcher.group(1))));
		}
		matcher.appendTail(scrubbed);
		return scrubbed.toString();
	}

	private static String jsonType(String simpleName) {
		if (simpleName.endsWith("Map") || simpleName.endsWith("Node")) {
			return "a JSON object";
		}
		if (simpleName.endsWith("List") || simpleName.endsWith("Set") || simpleName.endsWith("Collection")) {
			return "a JSON array";
		}
		if (simpleName.equals("String")) {
			return "a JSON string";
		}
		if (simpleName.equals("Boolean")) {
			return "true or false";
		}
		if (simpleName.matches("Integer|Long|Short|Byte|Double|Float|BigDecimal|BigInteger|Number")) {
			return "a JSON number";
		}
		return "a value of another kind";
	}

}
