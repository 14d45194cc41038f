package dev.lcel.core.tools;

import java.lang.reflect.Type;
import java.util.Map;

import dev.lcel.core.schema.JsonSchemas;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The arguments of a tool as one Java type: their JSON Schema, generated from the type, and how a
 * model's arguments are read into it.
 *
 * @param <A> the arguments' type
 */
final class ToolArguments<A> {

	private final String tool;

	private final JavaType type;

	private final ObjectNode schema;

	private ToolArguments(String tool, JavaType type, ObjectNode schema) {
		this.tool = tool;
		this.type = type;
		this.schema = schema;
	}

	static <A> ToolArguments<A> of(String tool, Class<A> type) {
		return new ToolArguments<>(tool, JsonMapper.shared().constructType(type), schemaOf(type));
	}

	/** Return the schema of a type as a tool's argument: without the generator's title and dialect. */
	static ObjectNode schemaOf(Type type) {
		ObjectNode schema = JsonSchemas.of(type);
		schema.remove("$schema");
		schema.remove("title");
		return schema;
	}

	ObjectNode schema() {
		return this.schema.deepCopy();
	}

	@SuppressWarnings("unchecked")
	A read(Map<String, Object> args) {
		return (A) convert(this.tool, "the arguments object", args, this.type);
	}

	/**
	 * Read a value a model gave into a Java type.
	 * @throws IllegalArgumentException naming the tool and the argument if it does not fit
	 */
	static Object convert(String tool, String argument, Object value, JavaType type) {
		try {
			return JsonMapper.shared().convertValue(value, type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Tool '" + tool + "': " + argument + " does not fit " + type.toCanonical() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

}
