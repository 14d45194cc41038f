package dev.lcel.autoconfigure.chain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableConfigurableAlternatives;

/**
 * Builds the {@code model} step of a configured chain: one model, or alternatives chosen per call,
 * each looked up in the {@link ChatModelRegistry} on first use. Records the models it uses (so the
 * registry checks them at startup) and the problems it finds, each with its property path.
 */
final class ModelStep {

	private final Supplier<ChatModelRegistry> registry;

	private final Map<String, String> usedModels;

	private final List<String> problems;

	ModelStep(Supplier<ChatModelRegistry> registry, Map<String, String> usedModels, List<String> problems) {
		this.registry = registry;
		this.usedModels = usedModels;
		this.problems = problems;
	}

	Runnable<Object, Object> build(String path, ModelDefinition model, Map<String, Object> bind,
			Function<ChatModel, Runnable<Object, ?>> output) {
		Map<String, ConfigurableField> fields = fields(model.getConfigurable());
		if (output != null && !fields.isEmpty()) {
			this.problems.add(path + ".configurable: a model step with an output cannot have configurable parameters");
			return null;
		}
		if (model.getAlternatives().isEmpty()) {
			return one(path, blankToNull(model.getName()), bind, fields, output);
		}
		if (model.getName() != null && !model.getName().isBlank()) {
			this.problems.add(path + ": either a model name or alternatives, not both");
			return null;
		}
		String key = model.getKey();
		if (key == null || key.isBlank()) {
			this.problems.add(path + ".key: the key of config.configurable that chooses the model is missing");
			return null;
		}
		String choice = (model.getDefault() != null) ? model.getDefault()
				: model.getAlternatives().keySet().iterator().next();
		if (!model.getAlternatives().containsKey(choice)) {
			this.problems.add(path + ".default: '" + choice + "' is not one of the alternatives "
					+ model.getAlternatives().keySet());
			return null;
		}
		Map<String, Runnable<Object, Object>> alternatives = new LinkedHashMap<>();
		model.getAlternatives()
			.forEach((name, modelName) -> alternatives.put(name,
					one(path + ".alternatives." + name, blankToNull(modelName), bind, fields, output)));
		return RunnableConfigurableAlternatives.of(key, choice, alternatives);
	}

	private Runnable<Object, Object> one(String path, String name, Map<String, Object> bind,
			Map<String, ConfigurableField> fields, Function<ChatModel, Runnable<Object, ?>> output) {
		this.usedModels.put(path, name);
		return new ChainReference((name != null) ? name : "default model",
				() -> this.registry.get().runnable(name, bind, fields, output));
	}

	private static Map<String, ConfigurableField> fields(Map<String, String> configurable) {
		Map<String, ConfigurableField> fields = new LinkedHashMap<>();
		configurable.forEach((parameter, id) -> fields.put(parameter,
				new ConfigurableField(id, parameter, "The model's " + parameter, type(parameter))));
		return fields;
	}

	private static String type(String parameter) {
		return switch (parameter) {
			case "temperature", "top_p", "topP" -> "number";
			case "max_tokens", "maxTokens" -> "integer";
			default -> null;
		};
	}

	private static String blankToNull(String name) {
		return (name == null || name.isBlank()) ? null : name;
	}

}
