package dev.lcel.autoconfigure.chain;

import java.util.Map;
import java.util.NoSuchElementException;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChainAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class));

	@Test
	void registersEveryRunnableBeanByBeanName() {
		this.contextRunner.withUserConfiguration(Chains.class).run((context) -> {
			ChainRegistry registry = context.getBean(ChainRegistry.class);
			assertThat(registry.getChains()).containsOnlyKeys("shout", "whisper");
			@SuppressWarnings("unchecked")
			Runnable<String, String> shout = (Runnable<String, String>) registry.get("shout");
			assertThat(shout.invoke("hi")).isEqualTo("HI");
		});
	}

	@Test
	void unknownChainNamesTheKnownOnes() {
		this.contextRunner.withUserConfiguration(Chains.class).run((context) -> assertThatExceptionOfType(
				NoSuchElementException.class)
			.isThrownBy(() -> context.getBean(ChainRegistry.class).get("shuot"))
			.withMessageContaining("'shuot'")
			.withMessageContaining("[shout, whisper]"));
	}

	@Test
	void backsOffWhenTheUserDefinesARegistry() {
		this.contextRunner.withBean(ChainRegistry.class, () -> new ChainRegistry(Map.of()))
			.withUserConfiguration(Chains.class)
			.run((context) -> assertThat(context.getBean(ChainRegistry.class).getChains()).isEmpty());
	}

	@Configuration(proxyBeanMethods = false)
	static class Chains {

		@Bean
		Runnable<String, String> shout() {
			return RunnableLambda.of(String::toUpperCase);
		}

		@Bean
		Runnable<String, String> whisper() {
			return RunnableLambda.of(String::toLowerCase);
		}

	}

}
