package dev.lcel.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * One environment variable switches every demo chain from the fake model to a real provider.
 */
class DemoProviderSwitchTests {

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		new DemoProviderSwitch().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

	@Test
	void withoutAProviderVariableTheDemoStaysOnTheFakeModel() {
		StandardEnvironment environment = environment(Map.of());
		assertThat(environment.getPropertySources().contains(DemoProviderSwitch.PROPERTY_SOURCE)).isFalse();
	}

	@Test
	void anOpenAiKeySwitchesEveryModelToOpenAiWithoutCopyingTheKey() {
		StandardEnvironment environment = environment(Map.of("OPENAI_API_KEY", "sk-demo-secret"));
		for (String model : new String[] { "joke-model", "poem-model", "countries-model" }) {
			assertThat(environment.getProperty("lcel.models." + model + ".provider")).isEqualTo("openai");
			assertThat(environment.getProperty("lcel.models." + model + ".model")).isEqualTo("gpt-4o-mini");
			assertThat(environment.getProperty("lcel.models." + model + ".api-key")).isEqualTo("sk-demo-secret");
		}
		PropertySource<?> source = environment.getPropertySources().get(DemoProviderSwitch.PROPERTY_SOURCE);
		assertThat(source.getProperty("lcel.models.joke-model.api-key")).isEqualTo("${OPENAI_API_KEY}");
	}

	@Test
	void anAnthropicKeyOrAnOllamaUrlSwitchToThoseProviders() {
		assertThat(environment(Map.of("ANTHROPIC_API_KEY", "sk-ant")).getProperty("lcel.models.poem-model.provider"))
			.isEqualTo("anthropic");
		StandardEnvironment ollama = environment(Map.of("OLLAMA_BASE_URL", "http://gpu-box:11434"));
		assertThat(ollama.getProperty("lcel.models.poem-model.provider")).isEqualTo("ollama");
		assertThat(ollama.getProperty("lcel.models.poem-model.base-url")).isEqualTo("http://gpu-box:11434");
		assertThat(ollama.getProperty("lcel.models.poem-model.model")).isEqualTo("llama3.2");
	}

	@Test
	void demoModelPicksTheModelAndDemoProviderWinsOverTheVariables() {
		StandardEnvironment environment = environment(Map.of("OPENAI_API_KEY", "sk", "ANTHROPIC_API_KEY", "sk-ant",
				"DEMO_PROVIDER", "anthropic", "DEMO_MODEL", "claude-sonnet-4-5"));
		assertThat(environment.getProperty("lcel.models.joke-model.provider")).isEqualTo("anthropic");
		assertThat(environment.getProperty("lcel.models.joke-model.model")).isEqualTo("claude-sonnet-4-5");
	}

	@Test
	void anUnknownDemoProviderFailsNamingTheValidChoices() {
		assertThatIllegalStateException().isThrownBy(() -> environment(Map.of("DEMO_PROVIDER", "gtp")))
			.withMessage("demo.provider: unknown provider 'gtp'; valid choices: [fake, openai, anthropic, ollama]");
	}

}
