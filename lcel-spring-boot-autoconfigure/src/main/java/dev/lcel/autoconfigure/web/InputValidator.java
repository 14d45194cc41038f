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
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ExecutionContext;
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
 * <p>Bounded: every error list of the check (its own, and those of each branch of an
 * {@code anyOf} or {@code oneOf}, which the validator would otherwise fill for every element of a
 * list) keeps at most four times {@code max-errors} errors, the first {@code max-errors} distinct
 * ones are listed (cut short when they repeat long request data), and the check spends at most
 * {@code max-validation-steps} evaluation steps, so an input that is wrong everywhere costs no
 * more memory to refuse than a valid one costs to accept. A list that is full still fails its
 * branch, so the verdict is the validator's own.
 */
final class InputValidator {

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final Map<Runnable<?, ?>, Schema> schemas = new ConcurrentHashMap<>();

	private final int maxErrors;

	private final ExecutionConfig config;

	InputValidator(LcelServerProperties.Limits limits) {
		this.maxErrors = Math.max(1, limits.maxErrors());
		this.config = ExecutionConfig.builder().maxEvaluationSteps(limits.maxValidationSteps()).build();
	}

	void validate(Runnable<?, ?> chain, JsonNode input, String pointer) {
		Schema schema = this.schemas.computeIfAbsent(chain, (c) -> this.registry.getSchema(c.inputSchema()));
		BoundedContext context = new BoundedContext(this.config, this.maxErrors * 4);
		try {
			schema.validate(context, input);
		}
		catch (ValidationLimitExceededException ex) {
			throw ChainRequestException.unprocessable(pointer,
					"too large or too deeply nested to check against the chain's input schema (more than "
							+ this.config.getMaxEvaluationSteps() + " steps, lcel.server.limits.max-validation-steps)");
		}
		List<Error> errors = context.getErrors();
		if (errors.isEmpty()) {
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
		String detail = "The input does not match the chain's input schema: "
				+ String.join("; ", listed.stream().map((f) -> f.get("field") + ": " + f.get("message")).toList())
				+ ((context.dropped || errors.size() > listed.size()) ? "; and more errors" : "");
		throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, detail, listed, errors.size());
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
	 * An execution context whose every error list (its own and those it is given for the branches
	 * of {@code anyOf}, {@code oneOf} and the like) keeps at most {@code capacity} errors.
	 */
	private static final class BoundedContext extends ExecutionContext {

		private final int capacity;

		private boolean dropped;

		BoundedContext(ExecutionConfig config, int capacity) {
			super(config);
			this.capacity = capacity;
			setErrors(getErrors());
		}

		@Override
		public void setErrors(List<Error> errors) {
			super.setErrors((errors instanceof Counted) ? errors : new Counted(errors));
		}

		/** One of the validator's error lists, full at the context's capacity. */
		private final class Counted extends AbstractList<Error> {

			private final List<Error> errors;

			private Counted(List<Error> errors) {
				this.errors = errors;
			}

			@Override
			public void add(int index, Error error) {
				if (this.errors.size() < BoundedContext.this.capacity) {
					this.errors.add(index, error);
				}
				else {
					BoundedContext.this.dropped = true;
				}
			}

			@Override
			public Error get(int index) {
				return this.errors.get(index);
			}

			@Override
			public Error set(int index, Error error) {
				return this.errors.set(index, error);
			}

			@Override
			public Error remove(int index) {
				return this.errors.remove(index);
			}

			@Override
			public int size() {
				return this.errors.size();
			}

		}

	}

}
