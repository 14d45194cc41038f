package dev.lcel.core.prompts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed f-string template: literal text and {@code {variable}} slots, with {@code {{} and
 * {@code }}} standing for literal braces.
 *
 * <p>Variables are plain identifiers; attribute or index access ({@code {user.password}},
 * {@code {items[0]}}) is rejected when the template is parsed, because in LangChain it let a
 * template read data it should not. Values are inserted literally and never parsed as templates.
 */
final class Template {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String source;

	/** Literal text as {@code String}, variables as {@link Variable}. */
	private final List<Object> parts;

	private final List<String> variables;

	private Template(String source, List<Object> parts, List<String> variables) {
		this.source = source;
		this.parts = parts;
		this.variables = variables;
	}

	static Template parse(String source) {
		List<Object> parts = new ArrayList<>();
		LinkedHashSet<String> variables = new LinkedHashSet<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
				literal.append('{');
				i += 2;
			}
			else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
				literal.append('}');
				i += 2;
			}
			else if (c == '{') {
				int end = source.indexOf('}', i);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed '{' at position " + i + " of template '" + source
							+ "'; write '{{' for a literal brace");
				}
				String name = source.substring(i + 1, end).strip();
				if (!IDENTIFIER.matcher(name).matches()) {
					throw new IllegalArgumentException("Invalid variable '{" + source.substring(i + 1, end)
							+ "}' in template '" + source + "'; variables are plain names such as {topic} "
							+ "(no attribute or index access), and '{{' and '}}' are literal braces");
				}
				if (literal.length() > 0) {
					parts.add(literal.toString());
					literal.setLength(0);
				}
				parts.add(new Variable(name));
				variables.add(name);
				i = end + 1;
			}
			else if (c == '}') {
				throw new IllegalArgumentException("Single '}' at position " + i + " of template '" + source
						+ "'; write '}}' for a literal brace");
			}
			else {
				literal.append(c);
				i++;
			}
		}
		if (literal.length() > 0) {
			parts.add(literal.toString());
		}
		return new Template(source, List.copyOf(parts), List.copyOf(variables));
	}

	String source() {
		return this.source;
	}

	List<String> variables() {
		return this.variables;
	}

	/**
	 * Fill in the variables.
	 * @param values a value for every variable of this template
	 * @return the text
	 */
	String format(Map<String, ?> values) {
		StringBuilder text = new StringBuilder();
		for (Object part : this.parts) {
			if (part instanceof Variable variable) {
				text.append(values.get(variable.name()));
			}
			else {
				text.append((String) part);
			}
		}
		return text.toString();
	}

	private record Variable(String name) {
	}

}
