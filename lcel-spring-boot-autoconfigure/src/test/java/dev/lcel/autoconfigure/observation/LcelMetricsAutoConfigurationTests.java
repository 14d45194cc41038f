package dev.lcel.autoconfigure.observation;

import java.util.List;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.RunMeterObservationHandler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LcelMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				LcelMetricsAutoConfiguration.class, LcelObservationAutoConfiguration.class, ChainAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
		.withBean("shout", Runnable.class, () -> RunnableLambda.of("trim", (String s) -> s.trim())
			.pipe(RunnableLambda.of("upper", (String s) -> s.toUpperCase())));

	@Test
	void runMetersAreRecordedAheadOfBootsDefaultHandler() {
		this.contextRunner.run((context) -> {
			List<ObservationHandler> handlers = context.getBeanProvider(ObservationHandler.class).orderedStream().toList();
			assertThat(handlers).hasAtLeastOneElementOfType(RunMeterObservationHandler.class)
				.hasAtLeastOneElementOfType(DefaultMeterObservationHandler.class);
			int ours = indexOf(handlers, RunMeterObservationHandler.class);
			assertThat(ours).isLessThan(indexOf(handlers, DefaultMeterObservationHandler.class));
			shout(context);
			shout(context);
			Timer chain = context.getBean(SimpleMeterRegistry.class).get("lcel.run").tag("lcel.run.name", "shout").timer();
			assertThat(chain.count()).isEqualTo(2);
			assertThat(chain.getId().getTag("error")).isEqualTo("none");
			assertThat(context.getBean(SimpleMeterRegistry.class).find("lcel.run.active").longTaskTimers()).hasSize(3);
		});
	}

	@Test
	void bootsCommonTagsAndIgnoredLongTaskTimersApplyToRunMeters() {
		this.contextRunner
			.withPropertyValues("management.metrics.tags.region=eu",
					"management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				shout(context);
				SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
				assertThat(registry.get("lcel.run").tag("lcel.run.name", "shout").timer().getId().getTag("region"))
					.isEqualTo("eu");
				assertThat(registry.find("lcel.run.active").meters()).isEmpty();
			});
	}

	@Test
	void bootsObservationKeyValuesTagEveryRunsTimerAsTheDefaultHandlerWould() {
		this.contextRunner.withPropertyValues("management.observations.key-values.team=jokes").run((context) -> {
			shout(context);
			shout(context);
			SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
			// Added by Boot's filter at each stop: on the timers, not on the long-task timers started before.
			Timer chain = registry.get("lcel.run").tag("lcel.run.name", "shout").tag("team", "jokes").timer();
			assertThat(chain.count()).isEqualTo(2);
			assertThat(registry.find("lcel.run").timers()).allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("team")).isEqualTo("jokes"));
			assertThat(registry.find("lcel.run.active").longTaskTimers()).isNotEmpty().allSatisfy(
					(timer) -> assertThat(timer.getId().getTag("team")).isNull());
		});
	}

	@Test
	void runsBootDisablesAreNotRecorded() {
		this.contextRunner.withPropertyValues("management.observations.enable.lcel=false").run((context) -> {
			shout(context);
			shout(context);
			assertThat(context.getBean(SimpleMeterRegistry.class).find("lcel.run").meters()).isEmpty();
		});
	}

	@Test
	void backsOffWhenMetricsAreDisabled() {
		this.contextRunner.withPropertyValues("lcel.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RunMeterObservationHandler.class));
	}

	@SuppressWarnings("unchecked")
	private static void shout(AssertableApplicationContext context) {
		((Runnable<String, String>) context.getBean(ChainRegistry.class).get("shout")).invoke(" x ");
	}

	private static int indexOf(List<ObservationHandler> handlers, Class<?> type) {
		for (int i = 0; i < handlers.size(); i++) {
			if (type.isInstance(handlers.get(i))) {
				return i;
			}
		}
		return -1;
	}

}
