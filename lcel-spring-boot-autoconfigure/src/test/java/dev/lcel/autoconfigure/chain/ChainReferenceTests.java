package dev.lcel.autoconfigure.chain;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured chain that starts with a typed bean chain takes that chain's input type, so that a
 * server reads its requests into that type, and its input schema.
 */
class ChainReferenceTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class))
		.withUserConfiguration(TypedChains.class);

	@Test
	void aConfiguredChainForwardsTheInputTypeAndSchemaOfItsFirstStep() {
		this.contextRunner.withPropertyValues("lcel.chains.byRef.steps[0].chain=greet", "lcel.chains.byBean.steps[0].bean=greet")
			.run((context) -> {
				ChainRegistry registry = context.getBean(ChainRegistry.class);
				Runnable<?, ?> greet = registry.get("greet");
				for (String name : new String[] { "byRef", "byBean" }) {
					Runnable<?, ?> chain = registry.get(name);
					assertThat(chain.inputType()).as(name).isEqualTo(Greeting.class);
					assertThat(chain.inputSchema()).as(name).isEqualTo(greet.inputSchema());
				}
			});
	}

	/** A typed input. */
	public record Greeting(String name) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TypedChains {

		@Bean
		Runnable<Greeting, String> greet() {
			return RunnableLambda.typed(Greeting.class, String.class, (Greeting g) -> "hello " + g.name());
		}

	}

}
