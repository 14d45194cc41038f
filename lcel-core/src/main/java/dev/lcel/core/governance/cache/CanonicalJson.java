package dev.lcel.core.governance.cache;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree in one canonical form, so that equal values give equal text: object keys
 * sorted, {@code null} members left out, numbers written by value ({@code 1}, {@code 1.0} and
 * {@code 1e0} alike), no whitespace.
 */
final class CanonicalJson {

	private CanonicalJson() {
	}

	static String write(JsonNode node) {
		StringBuilder out = new StringBuilder(256);
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
			node.properties().forEach(members::add);
			members.sort(Map.Entry.comparingByKey());
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> member : members) {
				if (member.getValue().isNull() || member.getValue().isMissingNode()) {
					continue;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				string(member.getKey(), out);
				out.append(':');
				write(member.getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(node.get(i), out);
			}
			out.append(']');
		}
		else if (node.isNumber()) {
			BigDecimal value = node.decimalValue();
			out.append((value.signum() == 0) ? "0" : value.stripTrailingZeros().toString());
		}
		else if (node.isString()) {
			string(node.asString(), out);
		}
		else {
			out.append(node.toString());
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
