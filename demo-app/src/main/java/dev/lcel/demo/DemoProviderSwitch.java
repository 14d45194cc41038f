package dev.lcel.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Switches every demo chain from the offline fake model to a real provider when the environment
 * names one: {@code OPENAI_API_KEY} (OpenAI), {@code ANTHROPIC_API_KEY} (Anthropic) or
 * {@code OLLAMA_BASE_URL} (a local Ollama), checked in that order, or {@code demo.provider}
 * explicitly. {@code demo.model} picks the model, else each provider's small default.
 *
 * <p>It rewrites the demo's models ({@code lcel.models.joke-model}, {@code poem-model},
 * {@code countries-model}, {@code chat-model}, {@code extract-model}) in a property source below the command line and the environment, so
 * that any of their properties can still be set there. The key itself stays in the environment: the
 * models refer to it by placeholder.
 */
class DemoProviderSwitch implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "demoProviderSwitch";

	private static final List<String> PROVIDERS = List.of("fake", "openai", "anthropic", "ollama");

	private static final List<String> MODELS = List.of("joke-model", "poem-model", "countries-model", "chat-model",
			"extract-model");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String provider = provider(environment);
		if (provider.equals("fake")) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		String model = environment.getProperty("demo.model", defaultModel(provider));
		for (String name : MODELS) {
			String prefix = "lcel.models." + name + ".";
			properties.put(prefix + "provider", provider);
			properties.put(prefix + "model", model);
			switch (provider) {
				case "openai" -> properties.put(prefix + "api-key", "${OPENAI_API_KEY}");
				case "anthropic" -> properties.put(prefix + "api-key", "${ANTHROPIC_API_KEY}");
				default -> properties.put(prefix + "base-url", "${OLLAMA_BASE_URL:http://localhost:11434}");
			}
		}
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE, properties);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addFirst(source);
		}
	}

	/**
	 * Return the provider the demo runs on: {@code demo.provider} if set, else the first provider
	 * whose environment variable is set, else {@code fake}.
	 */
	static String provider(ConfigurableEnvironment environment) {
		String chosen = environment.getProperty("demo.provider");
		if (chosen != null && !chosen.isBlank()) {
			String provider = chosen.trim().toLowerCase(Locale.ROOT);
			if (!PROVIDERS.contains(provider)) {
				throw new IllegalStateException("demo.provider: unknown provider '" + chosen + "'; valid choices: " + PROVIDERS);
			}
			return provider;
		}
		if (isSet(environment, "OPENAI_API_KEY")) {
			return "openai";
		}
		if (isSet(environment, "ANTHROPIC_API_KEY")) {
			return "anthropic";
		}
		return isSet(environment, "OLLAMA_BASE_URL") ? "ollama" : "fake";
	}

	private static String defaultModel(String provider) {
		return switch (provider) {
			case "openai" -> "gpt-4o-mini";
			case "anthropic" -> "claude-haiku-4-5";
			default -> "llama3.2";
		};
	}

	private static boolean isSet(ConfigurableEnvironment environment, String name) {
		String value = environment.getProperty(name);
		return value != null && !value.isBlank();
	}

}
