package dev.lcel.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON values against a JSON Schema (draft 2020-12), and schemas against the draft's
 * meta-schema: how a model's structured output is validated and how a schema written in YAML is
 * checked at startup.
 *
 * <p>An instance compiles its schema once and is thread-safe. Each error starts with the JSON Pointer of
 * the value it is about, as {@code /age: string found, integer expected} ({@code /} for the root).
 */
public final class SchemaValidator {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

	private final Schema schema;

	private SchemaValidator(Schema schema) {
		this.schema = schema;
	}

	/**
	 * Return a validator of values against the given schema.
	 * @param schema the schema
	 * @return the validator
	 * @throws IllegalArgumentException if the schema cannot be compiled
	 */
	public static SchemaValidator of(JsonNode schema) {
		Objects.requireNonNull(schema, "schema must not be null");
		try {
			return new SchemaValidator(REGISTRY.getSchema(schema));
		}
		catch (SchemaException ex) {
			throw new IllegalArgumentException("Invalid JSON Schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return what is wrong with a value.
	 * @param value the value
	 * @return the errors, each starting with the JSON Pointer of the value it is about; empty when the value is valid
	 */
	public List<String> validate(JsonNode value) {
		return describe(this.schema.validate(value));
	}

	/**
	 * Return what is wrong with a schema: where it breaks the draft 2020-12 meta-schema, or is not
	 * an object schema at all.
	 * @param schema the schema to check
	 * @return the errors, each starting with the JSON Pointer in the schema it is about; empty when it is valid
	 */
	public static List<String> checkSchema(JsonNode schema) {
		if (schema == null || !schema.isObject()) {
			return List.of("/: a JSON Schema must be an object");
		}
		List<String> errors = describe(REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema));
		if (errors.isEmpty()) {
			try {
				REGISTRY.getSchema(schema);
			}
			catch (SchemaException ex) {
				return List.of("/: " + ex.getMessage());
			}
		}
		return errors;
	}

	private static List<String> describe(List<Error> errors) {
		List<String> described = new ArrayList<>(errors.size());
		for (Error error : errors) {
			String pointer = error.getInstanceLocation().toString();
			if (error.getProperty() != null
					&& ("required".equals(error.getMessageKey()) || "additionalProperties".equals(error.getMessageKey()))) {
				pointer = pointer + "/" + error.getProperty();
			}
			described.add((pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage());
		}
		return described;
	}

}
