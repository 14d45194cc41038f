package dev.lcel.core.prompts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.schema.JsonSchemas;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The variables of a prompt and their partial values: resolves a prompt's input into the values
 * its templates need, and describes that input as a JSON Schema.
 */
final class PromptVariables {

	private final String prompt;

	private final List<String> variables;

	private final Set<String> messageVariables;

	private final Set<String> optional;

	private final Map<String, Object> partials;

	PromptVariables(String prompt, List<String> variables, Set<String> messageVariables, Set<String> optional,
			Map<String, ?> partials) {
		this.prompt = prompt;
		this.variables = List.copyOf(variables);
		this.messageVariables = Set.copyOf(messageVariables);
		this.optional = Set.copyOf(optional);
		this.partials = Map.copyOf(partials);
	}

	PromptVariables withPartials(Map<String, ?> more) {
		Map<String, Object> merged = new LinkedHashMap<>(this.partials);
		more.forEach((name, value) -> {
			if (!this.variables.contains(name)) {
				throw new IllegalArgumentException("Cannot set partial variable '" + name + "' of prompt '" + this.prompt
						+ "': it has no such variable; its variables are " + this.variables);
			}
			merged.put(name, value);
		});
		return new PromptVariables(this.prompt, this.variables, this.messageVariables, this.optional, merged);
	}

	/**
	 * Return the variables the caller must or may give: those without a partial value.
	 */
	List<String> inputVariables() {
		List<String> names = new ArrayList<>(this.variables);
		names.removeAll(this.partials.keySet());
		return names;
	}

	/**
	 * Return the values of every variable: the partial values (suppliers called), overridden by the
	 * input; an optional variable missing from both maps to {@code null}.
	 * @throws PromptException naming the missing variables and the ones that were given
	 */
	Map<String, Object> resolve(Map<String, ?> input) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.partials.forEach((name, value) -> values.put(name, (value instanceof Supplier<?> s) ? s.get() : value));
		if (input != null) {
			values.putAll(input);
		}
		List<String> missing = new ArrayList<>();
		for (String name : this.variables) {
			if (values.get(name) == null && !this.optional.contains(name)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			Collection<String> given = (input != null) ? new TreeSet<>(input.keySet()) : List.of();
			throw new PromptException("Missing " + ((missing.size() == 1) ? "variable " : "variables ")
					+ quoted(missing) + " for prompt '" + this.prompt + "'; given: " + given + "; expected: "
					+ inputVariables());
		}
		return values;
	}

	ObjectNode inputSchema() {
		Map<String, ObjectNode> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (String name : inputVariables()) {
			ObjectNode property = this.messageVariables.contains(name) ? JsonSchemas.arrayOf(MessageSchemas.message())
					: JsonNodeFactory.instance.objectNode().put("type", "string");
			property.put("title", title(name));
			properties.put(name, property);
			if (!this.optional.contains(name)) {
				required.add(name);
			}
		}
		return JsonSchemas.object("PromptInput", properties, required);
	}

	private static String title(String name) {
		StringBuilder title = new StringBuilder();
		for (String word : name.split("_")) {
			if (!word.isEmpty()) {
				title.append((title.length() > 0) ? " " : "").append(Character.toUpperCase(word.charAt(0)))
					.append(word.substring(1));
			}
		}
		return title.toString();
	}

	private static String quoted(List<String> names) {
		return String.join(", ", names.stream().map((name) -> "'" + name + "'").toList());
	}

}
