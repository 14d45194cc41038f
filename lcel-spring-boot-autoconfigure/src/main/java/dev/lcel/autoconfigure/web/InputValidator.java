package dev.lcel.autoconfigure.web;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.ValidationLimitExceededException;
import dev.lcel.core.runnable.Runnable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * Checks a request's input against its chain's input schema before anything runs; a mismatch is a
 * 422 problem that names the offending fields. Compiled schemas are kept per chain.
 *
 * <p>Bounded: only the first {@code max-errors} errors are kept (each field and message once, and
 * cut short when they repeat long request data), the rest are only counted, and the check spends
 * at most {@code max-validation-steps} evaluation steps, so an input that is wrong everywhere costs
 * no more to refuse than a valid one costs to accept.
 */
final class InputValidator {

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final Map<Runnable<?, ?>, Schema> schemas = new ConcurrentHashMap<>();

	private final int maxErrors;

	private final long maxSteps;

	InputValidator(LcelServerProperties.Limits limits) {
		this.maxErrors = Math.max(1, limits.getMaxErrors());
		this.maxSteps = limits.getMaxValidationSteps();
	}

	void validate(Runnable<?, ?> chain, JsonNode input, String pointer) {
		Schema schema = this.schemas.computeIfAbsent(chain, (c) -> this.registry.getSchema(c.inputSchema()));
		CappedErrors errors = new CappedErrors(this.maxErrors * 4);
		try {
			schema.validate(input, (context) -> {
				context.setErrors(errors);
				context.executionConfig((config) -> config.maxEvaluationSteps(this.maxSteps));
			});
		}
		catch (ValidationLimitExceededException ex) {
			throw ChainRequestException.unprocessable(pointer,
					"too large or too deeply nested to check against the chain's input schema (more than "
							+ this.maxSteps + " steps, lcel.server.limits.max-validation-steps)");
		}
		if (errors.total == 0) {
			return;
		}
		Set<Map<String, String>> fields = new LinkedHashSet<>();
		for (Error error : errors) {
			if (fields.size() == this.maxErrors) {
				break;
			}
			fields.add(field(pointer, error));
		}
		List<Map<String, String>> listed = new ArrayList<>(fields);
		long more = Math.max(0, errors.total - listed.size());
		String detail = "The input does not match the chain's input schema: "
				+ String.join("; ", listed.stream().map((f) -> f.get("field") + ": " + f.get("message")).toList())
				+ ((more > 0) ? "; and " + more + " more errors" : "");
		throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, detail, listed, errors.total);
	}

	private static Map<String, String> field(String pointer, Error error) {
		String location = error.getInstanceLocation().toString().replaceFirst("^\\$", "");
		String field = pointer + location.replace('.', '/').replaceAll("\\[(\\d+)]", "/$1");
		if (error.getProperty() != null
				&& ("required".equals(error.getMessageKey()) || "additionalProperties".equals(error.getMessageKey()))) {
			field = field + "/" + error.getProperty();
		}
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("field", ProblemText.abbreviate(field));
		entry.put("message", ProblemText.abbreviate(error.getMessage()));
		return entry;
	}

	/**
	 * The validator's error list: keeps the first errors, counts all of them.
	 */
	private static final class CappedErrors extends AbstractList<Error> {

		private final List<Error> kept = new ArrayList<>();

		private final int capacity;

		private long total;

		private CappedErrors(int capacity) {
			this.capacity = capacity;
		}

		@Override
		public void add(int index, Error error) {
			this.total++;
			if (this.kept.size() < this.capacity) {
				this.kept.add(error);
			}
		}

		@Override
		public Error get(int index) {
			return this.kept.get(index);
		}

		@Override
		public int size() {
			return this.kept.size();
		}

	}

}
