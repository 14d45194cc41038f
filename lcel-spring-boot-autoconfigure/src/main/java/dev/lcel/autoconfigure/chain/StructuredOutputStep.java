package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.StructuredOutputRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.schema.SchemaValidator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Checks the {@code output} of a configured model step at startup (a loadable record or bean
 * class, or a valid JSON Schema; a known method; retries in range), recording each problem with its
 * property path, and returns how to turn the step's model into a structured-output runnable.
 */
final class StructuredOutputStep {

	private final Problems problems;

	private final ClassLoader classLoader;

	StructuredOutputStep(Problems problems, ClassLoader classLoader) {
		this.problems = problems;
		this.classLoader = classLoader;
	}

	/**
	 * Check an output definition and return the function that applies it to a model.
	 * @param path the property path of the {@code output}
	 * @param output the definition
	 * @return the function; one that gives an invalid step when the definition has problems
	 */
	Function<ChatModel, Runnable<Object, ?>> build(String path, OutputDefinition output) {
		int before = this.problems.count();
		boolean hasType = output.type() != null && !output.type().isBlank();
		boolean hasSchema = !output.schema().isEmpty();
		if (hasType == hasSchema) {
			this.problems.add(path, "exactly one of 'type' (a class name) or 'schema' (a JSON Schema) is needed, found "
					+ (hasType ? "both" : "neither"));
			return (model) -> this.problems.standIn(path);
		}
		StructuredOutputMethod method = method(path + ".method", output.method());
		if (output.retries() < 0 || output.retries() > StructuredOutputRunnable.MAX_RETRIES) {
			this.problems.add(path + ".retries", "must be between 0 and " + StructuredOutputRunnable.MAX_RETRIES + ", was "
					+ output.retries());
		}
		Optional<Function<ChatModel, StructuredOutputRunnable<?>>> structured = hasType
				? byType(path + ".type", output.type()) : bySchema(path + ".schema", output.schema());
		if (structured.isEmpty() || this.problems.count() > before) {
			return (model) -> this.problems.standIn(path);
		}
		int retries = output.retries();
		return (model) -> {
			StructuredOutputRunnable<?> runnable = structured.get().apply(model).withRetries(retries);
			@SuppressWarnings("unchecked")
			Runnable<Object, ?> step = (Runnable<Object, ?>) ((method != null) ? runnable.withMethod(method) : runnable);
			return step;
		};
	}

	private @Nullable StructuredOutputMethod method(String path, @Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return StructuredOutputMethod.of(name);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path, ex.getMessage());
			return null;
		}
	}

	private Optional<Function<ChatModel, StructuredOutputRunnable<?>>> byType(String path, String name) {
		Class<?> type;
		try {
			type = ClassUtils.forName(name.trim(), this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			this.problems.add(path, "unknown class '" + name + "'; give the fully qualified name of a record or bean");
			return Optional.empty();
		}
		if (type.isPrimitive() || type.isInterface() || type.isArray() || type.isEnum()
				|| (!type.isRecord() && !hasNoArgumentConstructor(type))) {
			this.problems.add(path, "'" + name + "' is not a record or a bean with a no-argument constructor");
			return Optional.empty();
		}
		return Optional.of((model) -> model.withStructuredOutput(type));
	}

	private Optional<Function<ChatModel, StructuredOutputRunnable<?>>> bySchema(String path, Map<String, Object> schema) {
		JsonNode node = JsonMapper.shared().valueToTree(BoundValues.typed(schema));
		List<String> errors = SchemaValidator.checkSchema(node);
		if (!errors.isEmpty()) {
			errors.forEach((error) -> this.problems.add(path, "invalid JSON Schema at " + error));
			return Optional.empty();
		}
		return Optional.of((model) -> model.withStructuredOutput(node));
	}

	private static boolean hasNoArgumentConstructor(Class<?> type) {
		try {
			type.getDeclaredConstructor();
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
