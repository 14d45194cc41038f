package dev.lcel.autoconfigure.actuate;

import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LcelActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class,
				LcelActuatorAutoConfiguration.class))
		.withUserConfiguration(Chains.class)
		.withPropertyValues("management.endpoints.web.exposure.include=lcel");

	@Test
	void endpointDescribesEveryChain() {
		this.contextRunner.withPropertyValues("lcel.models.offline.provider=fake", "lcel.models.offline.api-key=sk-secret",
				"lcel.chains.loud.description=Shouts",
				"lcel.chains.loud.steps[0].chain=shout")
			.run((context) -> {
				LcelEndpoint endpoint = context.getBean(LcelEndpoint.class);
				Map<String, LcelEndpoint.ChainDescriptor> chains = endpoint.chains().chains();
				assertThat(chains).containsOnlyKeys("shout", "loud");
				assertThat(chains.get("loud").description()).isEqualTo("Shouts");
				assertThat(chains.get("shout").graph()).startsWith("graph TD;");
				assertThat(endpoint.chain("shout").inputSchema()).isNotNull();
				assertThat(endpoint.chain("nope")).isNull();
				assertThat(endpoint.chains().models()).containsOnlyKeys("offline");
				assertThat(endpoint.chains().models().get("offline").provider()).isEqualTo("fake");
				assertThat(endpoint.chains().models().get("offline").toString()).doesNotContain("sk-");
			});
	}

	@Test
	void apiKeysAreSanitizedInEnvAndConfigprops() {
		this.contextRunner.run((context) -> {
			SanitizingFunction sanitizer = context.getBean("lcelApiKeySanitizer", SanitizingFunction.class);
			assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "lcel.models.gpt.api-key", "sk-secret"))
				.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "apiKey", "sk-secret")).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "lcel.models.gpt.model", "gpt-4o"))
				.getValue()).isEqualTo("gpt-4o");
		});
	}

	@Test
	void commandLinesAreSanitizedWhateverTheyHold() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, LcelActuatorAutoConfiguration.class))
			.run((context) -> {
				SanitizingFunction sanitizer = context.getBean("lcelCommandLineSanitizer", SanitizingFunction.class);
				for (String key : new String[] { "sun.java.command", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
						"SPRING_APPLICATION_JSON" }) {
					assertThat(sanitizer.applyUnlessFiltered(
							new SanitizableData(null, key, "app.jar --lcel.models.gpt.api-key=sk-1")).getValue())
						.as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
				}
				assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "java.version", "17")).getValue())
					.isEqualTo("17");
			});
	}

	@Test
	void endpointBacksOffWhenNotExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, LcelActuatorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LcelEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Chains {

		@Bean
		Runnable<String, String> shout() {
			return RunnableLambda.of((String s) -> s.toUpperCase());
		}

	}

}
