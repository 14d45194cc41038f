package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lcel.core.runnable.Runnable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * Checks a request's input against its chain's input schema before anything runs; a mismatch is a
 * 422 problem that names every offending field. Compiled schemas are kept per chain.
 */
final class InputValidator {

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final Map<Runnable<?, ?>, Schema> schemas = new ConcurrentHashMap<>();

	void validate(Runnable<?, ?> chain, JsonNode input, String pointer) {
		Schema schema = this.schemas.computeIfAbsent(chain, (c) -> this.registry.getSchema(c.inputSchema()));
		List<Error> errors = schema.validate(input);
		if (errors.isEmpty()) {
			return;
		}
		List<Map<String, String>> fields = new ArrayList<>();
		for (Error error : errors) {
			String location = error.getInstanceLocation().toString().replaceFirst("^\\$", "");
			String field = pointer + location.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
			if (error.getProperty() != null
					&& ("required".equals(error.getMessageKey()) || "additionalProperties".equals(error.getMessageKey()))) {
				field = field + "/" + error.getProperty();
			}
			fields.add(Map.of("field", field, "message", error.getMessage()));
		}
		throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
				"The input does not match the chain's input schema: "
						+ String.join("; ", fields.stream().map((f) -> f.get("field") + ": " + f.get("message")).toList()),
				fields);
	}

}
