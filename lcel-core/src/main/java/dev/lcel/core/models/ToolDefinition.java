package dev.lcel.core.models;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.schema.JsonSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool a chat model may ask to call, as given to {@link ChatModel#bindTools}: its name, what it
 * does, and the JSON Schema of its arguments. Each provider sends it in its own format.
 *
 * @param name the tool's name, as the model will use it in a {@link ToolCall}
 * @param description what the tool does, for the model to decide when to call it
 * @param parameters the JSON Schema of the arguments object
 */
public record ToolDefinition(String name, @Nullable String description, ObjectNode parameters) {

	/**
	 * Create a tool definition, checking that it has a name and a schema.
	 * @param name the tool's name
	 * @param description what it does, or {@code null}
	 * @param parameters the schema of its arguments
	 */
	public ToolDefinition {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(parameters, "parameters must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A tool's name must not be blank");
		}
		parameters = parameters.deepCopy();
	}

	/**
	 * Return a tool whose arguments are described by a Java type, typically a record: its
	 * components become the schema's properties.
	 * @param name the tool's name
	 * @param description what it does
	 * @param arguments the type of its arguments
	 * @return the definition
	 */
	public static ToolDefinition of(String name, @Nullable String description, Type arguments) {
		ObjectNode schema = JsonSchemas.of(arguments);
		schema.remove("$schema");
		schema.remove("title");
		return new ToolDefinition(name, description, schema);
	}

	/**
	 * Return a tool definition read from a map, as {@code bind(Map.of("tools", ...))} and YAML give
	 * it: {@code name}, {@code description} and {@code parameters} (a JSON Schema as a map).
	 * @param map the definition
	 * @return the definition
	 * @throws IllegalArgumentException if the name or the parameters are missing or mistyped
	 */
	static ToolDefinition from(Map<?, ?> map) {
		if (!(map.get("name") instanceof String name)) {
			throw new IllegalArgumentException("A tool needs a 'name' string, but was given " + map.keySet());
		}
		Object parameters = map.get("parameters");
		if (parameters != null && !(parameters instanceof Map<?, ?>) && !(parameters instanceof ObjectNode)) {
			throw new IllegalArgumentException("Tool '" + name + "': 'parameters' must be a JSON Schema object");
		}
		JsonNode schema = (parameters != null) ? JsonMapper.shared().valueToTree(parameters) : null;
		ObjectNode object = (schema instanceof ObjectNode node) ? node
				: JsonNodeFactory.instance.objectNode().put("type", "object");
		Object description = map.get("description");
		return new ToolDefinition(name, (description != null) ? description.toString() : null, object);
	}

}
