package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableConfigurableAlternatives;
import org.jspecify.annotations.Nullable;

/**
 * The {@code model} step: one model, or alternatives chosen per call, with the step's bound
 * arguments ({@code bind}) and, optionally, structured {@code output}; each model is looked up in
 * the registry on first use and recorded in {@link ModelUses} so that it is checked at startup.
 */
final class ModelStep extends StepKind {

	ModelStep() {
		super("model", (step) -> step.model() != null);
	}

	@Override
	boolean takesOutput() {
		return true;
	}

	@Override
	Runnable<Object, Object> build(String stepPath, StepDefinition step, Steps steps) {
		Map<String, Object> bind = BoundValues.typed(step.bind());
		try {
			ChatOptions.from(bind);
		}
		catch (IllegalArgumentException ex) {
			steps.problems().add(stepPath + ".bind", ex.getMessage());
		}
		Function<ChatModel, Runnable<Object, ?>> output = (step.output() != null)
				? steps.outputs().build(stepPath + ".output", step.output()) : null;
		return choice(stepPath + ".model", step.model(), bind, output, steps);
	}

	private static Runnable<Object, Object> choice(String path, ModelChoice model, Map<String, Object> bind,
			@Nullable Function<ChatModel, Runnable<Object, ?>> output, Steps steps) {
		Problems problems = steps.problems();
		Map<String, ConfigurableField> fields = fields(model.configurable());
		if (output != null && !fields.isEmpty()) {
			return problems.invalid(path + ".configurable",
					"a model step with an output cannot have configurable parameters");
		}
		if (model.alternatives().isEmpty()) {
			return steps.models().step(path, blankToNull(model.name()), bind, fields, output);
		}
		if (model.name() != null && !model.name().isBlank()) {
			return problems.invalid(path, "either a model name or alternatives, not both");
		}
		String key = model.key();
		if (key == null || key.isBlank()) {
			return problems.invalid(path + ".key", "the key of config.configurable that chooses the model is missing");
		}
		String choice = (model.defaultAlternative() != null) ? model.defaultAlternative()
				: model.alternatives().keySet().iterator().next();
		if (!model.alternatives().containsKey(choice)) {
			return problems.invalid(path + ".default", "'" + choice + "' is not one of the alternatives "
					+ model.alternatives().keySet());
		}
		Map<String, Runnable<Object, Object>> alternatives = new LinkedHashMap<>();
		model.alternatives()
			.forEach((name, modelName) -> alternatives.put(name, steps.models()
				.step(path + ".alternatives." + name, blankToNull(modelName), bind, fields, output)));
		return RunnableConfigurableAlternatives.of(key, choice, alternatives);
	}

	private static Map<String, ConfigurableField> fields(Map<String, String> configurable) {
		Map<String, ConfigurableField> fields = new LinkedHashMap<>();
		configurable.forEach((parameter, id) -> fields.put(parameter,
				new ConfigurableField(id, parameter, "The model's " + parameter, type(parameter))));
		return fields;
	}

	private static @Nullable String type(String parameter) {
		return switch (parameter) {
			case "temperature", "top_p", "topP" -> "number";
			case "max_tokens", "maxTokens" -> "integer";
			default -> null;
		};
	}

	static @Nullable String blankToNull(@Nullable String name) {
		return (name == null || name.isBlank()) ? null : name;
	}

}
