package dev.lcel.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.ObservationCallbackHandler;
import dev.lcel.core.tracing.RunObservationContext;
import dev.lcel.core.tracing.RunType;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LcelObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LcelObservationAutoConfiguration.class, ChainAutoConfiguration.class));

	private final Runnable<String, String> chain = RunnableLambda.of("trim", (String s) -> s.trim())
		.pipe(RunnableLambda.of("upper", (String s) -> s.toUpperCase()));

	@Test
	@SuppressWarnings("unchecked")
	void withoutStepsAChainsCallAndItsModelCallsAreObserved() {
		List<RunObservationContext> runs = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<RunObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof RunObservationContext;
			}

			@Override
			public void onStart(RunObservationContext context) {
				runs.add(context);
			}

		});
		Runnable<String, String> chain = RunnableLambda.of("trim", (String s) -> s.trim())
			.pipe(new FakeListChatModel("hi"))
			.pipe(new StrOutputParser());
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("lcel.observations.steps=false")
			.withBean("greet", Runnable.class, () -> chain)
			.run((context) -> {
				assertThat(context).hasSingleBean(ObservationCallbackHandler.class);
				((Runnable<String, String>) context.getBean(ChainRegistry.class).get("greet")).invoke(" x ");
				assertThat(runs).extracting((run) -> run.getRun().runType())
					.containsExactly(RunType.CHAIN, RunType.CHAT_MODEL);
				// The model's observation is the child of the chain's, the steps between unobserved.
				assertThat(runs.get(1).getParentObservation().getContextView()).isSameAs(runs.get(0));
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyRunOfARegisteredChainIsObservedWithTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean("shout", Runnable.class, () -> this.chain)
			.run((context) -> {
				Runnable<String, String> shout = (Runnable<String, String>) context.getBean(ChainRegistry.class)
					.get("shout");
				shout.invoke(" x ");
				TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lcel.run", 3);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void twoApplicationsInOneJvmNeverHearEachOthersRuns() {
		TestObservationRegistry first = TestObservationRegistry.create();
		TestObservationRegistry second = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> first)
			.withBean("shout", Runnable.class, () -> this.chain)
			.run((one) -> this.contextRunner.withBean(ObservationRegistry.class, () -> second)
				.withBean("shout", Runnable.class, () -> this.chain)
				.run((two) -> {
					((Runnable<String, String>) one.getBean(ChainRegistry.class).get("shout")).invoke(" x ");
					this.chain.invoke(" y ");
					TestObservationRegistryAssert.assertThat(first)
						.hasNumberOfObservationsWithNameEqualTo("lcel.run", 3);
					TestObservationRegistryAssert.assertThat(second).doesNotHaveAnyObservation();
				}));
	}

	@Test
	void backsOffWithoutARegistryOrWhenDisabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ObservationCallbackHandler.class));
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withPropertyValues("lcel.observations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ObservationCallbackHandler.class));
	}

}
