package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code output} of a configured model step: the model answers with values of a Java type
 * ({@code output: {type: com.example.Person}}) or of a JSON Schema ({@code output: {schema: {...}}}),
 * streamed as they fill in. See {@code docs/structured-output.md}.
 */
public class OutputDefinition {

	/** A record or bean class, by its fully qualified name, whose JSON Schema the model answers with. */
	private String type;

	/** A JSON Schema (draft 2020-12) the model's answer conforms to, parsed into maps. */
	private Map<String, Object> schema = new LinkedHashMap<>();

	/** How the model is asked: json_schema, tool_calling, json_mode or instructions; the provider's native mode when not set. */
	private String method;

	/** How many times a parsing failure is sent back to the model to try again, from 0 to 5. */
	private int retries;

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public Map<String, Object> getSchema() {
		return this.schema;
	}

	public void setSchema(Map<String, Object> schema) {
		this.schema = schema;
	}

	public String getMethod() {
		return this.method;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public int getRetries() {
		return this.retries;
	}

	public void setRetries(int retries) {
		this.retries = retries;
	}

}
