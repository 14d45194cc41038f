package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.autoconfigure.observation.LcelObservationAutoConfiguration;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean chains run under their bean name, or their {@link ChainName}: the root run of a call
 * through the registry, or through a configured chain's {@code chain:} or {@code bean:} step, is
 * the {@code lcel.run} observation named after the chain.
 */
class BeanChainNamesTests {

	private final List<String> runNames = new CopyOnWriteArrayList<>();

	private final ObservationRegistry observations = ObservationRegistry.create();

	BeanChainNamesTests() {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				KeyValue name = context.getLowCardinalityKeyValue("lcel.run.name");
				if (name != null) {
					BeanChainNamesTests.this.runNames.add(name.getValue());
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LcelObservationAutoConfiguration.class, ChainAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> this.observations)
		.withUserConfiguration(BeanChains.class);

	@Test
	void aBeanChainsRunsAreNamedByItsBeanNameOrChainName() {
		this.contextRunner.run((context) -> {
			ChainRegistry registry = context.getBean(ChainRegistry.class);
			invoke(registry, "shout", " hi ");
			invoke(registry, "polite", "hi");

			assertThat(runNames()).contains("shout", "polite").doesNotContain("RunnableSequence");
			assertThat(registry.get("shout").getName()).isEqualTo("shout");
		});
	}

	@Test
	void aBeanChainIsNamedWhenAConfiguredChainCallsIt() {
		this.contextRunner
			.withPropertyValues("lcel.chains.outer.steps[0].chain=shout", "lcel.chains.outer.steps[1].bean=politeChain")
			.run((context) -> {
				invoke(context.getBean(ChainRegistry.class), "outer", " hi ");

				assertThat(runNames()).contains("outer", "shout", "polite").doesNotContain("politeChain");
			});
	}

	@SuppressWarnings("unchecked")
	private static Object invoke(ChainRegistry registry, String name, Object input) {
		return ((Runnable<Object, Object>) registry.get(name)).invoke(input);
	}

	private List<String> runNames() {
		return List.copyOf(this.runNames);
	}

	@Configuration(proxyBeanMethods = false)
	static class BeanChains {

		@Bean
		Runnable<String, String> shout() {
			return RunnableLambda.of((String s) -> s.trim()).pipe((String s) -> s.toUpperCase());
		}

		@Bean
		@ChainName("polite")
		Runnable<String, String> politeChain() {
			return RunnableLambda.of((String s) -> s + ", please").pipe((String s) -> s + "!");
		}

	}

}
