package dev.lcel.autoconfigure.observation;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.ObservationCallbackHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LcelObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LcelObservationAutoConfiguration.class));

	private final Runnable<String, String> chain = RunnableLambda.of("trim", (String s) -> s.trim())
		.pipe(RunnableLambda.of("upper", (String s) -> s.toUpperCase()));

	@Test
	void everyRunIsObservedWithTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			assertThat(context).hasSingleBean(ObservationCallbackHandler.class);
			this.chain.invoke(" x ");
			TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lcel.run", 3);
		});
	}

	@Test
	void closingTheContextStopsObserving() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
		});
		this.chain.invoke(" x ");
		TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
	}

	@Test
	void backsOffWithoutARegistryOrWhenDisabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ObservationCallbackHandler.class));
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("lcel.observations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationCallbackHandler.class));
	}

}
