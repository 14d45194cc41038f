package dev.lcel.autoconfigure.chain;

import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

/**
 * The {@code output} of a configured model step: the model answers with values of a Java type
 * ({@code output: {type: com.example.Person}}) or of a JSON Schema ({@code output: {schema: {...}}}),
 * streamed as they fill in. See {@code docs/structured-output.md}.
 *
 * @param type A record or bean class, by its fully qualified name, whose JSON Schema the model
 * answers with.
 * @param schema A JSON Schema (draft 2020-12) the model's answer conforms to, parsed into maps.
 * @param method How the model is asked: json_schema, tool_calling, json_mode or instructions; the
 * provider's native mode when not set.
 * @param retries How many times a parsing failure is sent back to the model to try again, from 0
 * to 5.
 */
public record OutputDefinition(@Nullable String type, Map<String, Object> schema, @Nullable String method,
		int retries) {

	/** Copy the schema. */
	public OutputDefinition {
		schema = Unmodifiable.map(schema);
	}

}
