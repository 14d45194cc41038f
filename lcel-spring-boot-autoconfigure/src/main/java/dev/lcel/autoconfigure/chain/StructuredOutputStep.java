package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.StructuredOutputRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.schema.SchemaValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Checks the {@code output} of a configured model step at startup (a loadable record or bean
 * class, or a valid JSON Schema; a known method; retries in range), recording each problem with its
 * property path, and returns how to turn the step's model into a structured-output runnable.
 */
final class StructuredOutputStep {

	private final List<String> problems;

	private final ClassLoader classLoader;

	StructuredOutputStep(List<String> problems, ClassLoader classLoader) {
		this.problems = problems;
		this.classLoader = classLoader;
	}

	/**
	 * Check an output definition and return the function that applies it to a model, or
	 * {@code null} (with the problems recorded) when it is invalid.
	 * @param path the property path of the {@code output}
	 */
	Function<ChatModel, Runnable<Object, ?>> build(String path, OutputDefinition output) {
		boolean hasType = output.getType() != null && !output.getType().isBlank();
		boolean hasSchema = !output.getSchema().isEmpty();
		if (hasType == hasSchema) {
			this.problems.add(path + ": exactly one of 'type' (a class name) or 'schema' (a JSON Schema) is needed, found "
					+ (hasType ? "both" : "neither"));
			return null;
		}
		StructuredOutputMethod method = method(path + ".method", output.getMethod());
		if (output.getRetries() < 0 || output.getRetries() > StructuredOutputRunnable.MAX_RETRIES) {
			this.problems.add(path + ".retries: must be between 0 and " + StructuredOutputRunnable.MAX_RETRIES + ", was "
					+ output.getRetries());
			return null;
		}
		Function<ChatModel, StructuredOutputRunnable<?>> structured = hasType ? byType(path + ".type", output.getType())
				: bySchema(path + ".schema", output.getSchema());
		if (structured == null || (output.getMethod() != null && method == null)) {
			return null;
		}
		int retries = output.getRetries();
		return (model) -> {
			StructuredOutputRunnable<?> runnable = structured.apply(model).withRetries(retries);
			@SuppressWarnings("unchecked")
			Runnable<Object, ?> step = (Runnable<Object, ?>) ((method != null) ? runnable.withMethod(method) : runnable);
			return step;
		};
	}

	private StructuredOutputMethod method(String path, String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return StructuredOutputMethod.of(name);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path + ": " + ex.getMessage());
			return null;
		}
	}

	private Function<ChatModel, StructuredOutputRunnable<?>> byType(String path, String name) {
		Class<?> type;
		try {
			type = ClassUtils.forName(name.trim(), this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			this.problems.add(path + ": unknown class '" + name + "'; give the fully qualified name of a record or bean");
			return null;
		}
		if (type.isPrimitive() || type.isInterface() || type.isArray() || type.isEnum()
				|| (!type.isRecord() && !hasNoArgumentConstructor(type))) {
			this.problems.add(path + ": '" + name + "' is not a record or a bean with a no-argument constructor");
			return null;
		}
		return (model) -> model.withStructuredOutput(type);
	}

	private Function<ChatModel, StructuredOutputRunnable<?>> bySchema(String path, Map<String, Object> schema) {
		JsonNode node = JsonMapper.shared().valueToTree(ChainAssembler.typed(schema));
		List<String> errors = SchemaValidator.checkSchema(node);
		if (!errors.isEmpty()) {
			errors.forEach((error) -> this.problems.add(path + ": invalid JSON Schema at " + error));
			return null;
		}
		return (model) -> model.withStructuredOutput(node);
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
