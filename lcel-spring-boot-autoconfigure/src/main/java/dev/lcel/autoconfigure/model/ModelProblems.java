package dev.lcel.autoconfigure.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The problems of {@code lcel.models}, each starting with its property path: a model's provider
 * that no factory serves, a {@code lcel.default-model} that is not configured, and each use of a
 * model (by the property path of the use) that names no configured model or whose model lacks
 * what its provider needs. A model nothing uses may stay incomplete.
 */
public final class ModelProblems {

	private ModelProblems() {
	}

	/**
	 * Return the problems of the registry's models and of the given uses of them.
	 * @param models the registry
	 * @param uses the model's name by the property path of each use ({@code null} for the default model)
	 * @return the problems, the models' own first; empty when there are none
	 */
	public static List<String> of(ChatModelRegistry models, Map<String, @Nullable String> uses) {
		List<String> problems = new ArrayList<>();
		for (String name : models.names()) {
			String provider = models.properties(name).provider();
			if (provider == null || !models.providers().contains(provider)) {
				problems.add("lcel.models." + name + ".provider: " + ((provider == null) ? "missing"
						: "unknown provider '" + provider + "'") + "; providers: " + models.providers());
			}
		}
		String defaultModel = models.defaultModel();
		if (defaultModel != null && !models.names().contains(defaultModel)) {
			problems.add("lcel.default-model: unknown model '" + defaultModel + "'; configured models: " + models.names());
		}
		uses.forEach((path, name) -> checkUse(models, path, (name != null) ? name : defaultModel, problems));
		return problems;
	}

	private static void checkUse(ChatModelRegistry models, String path, @Nullable String name, List<String> problems) {
		if (name == null) {
			problems.add(path + ": no model named and no default model; set lcel.default-model to one of "
					+ models.names());
			return;
		}
		ModelProperties model = models.properties(name);
		if (model == null) {
			problems.add(path + ": unknown model '" + name + "'; configured models: " + models.names());
			return;
		}
		for (String property : models.missing(name)) {
			problems.add("lcel.models." + name + "." + property + ": required by " + path + " (provider "
					+ model.provider() + "); set it, e.g. from an environment variable");
		}
	}

}
