package dev.lcel.core.tracing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunMeterObservationHandlerTests {

	private static final RunInfo CHAIN = run(RunType.CHAIN, "joke", List.of(), Map.of("lcel_chain", "joke"));

	@Test
	void recordsTheSameMetersAsMicrometersDefaultHandler() {
		SimpleMeterRegistry ours = new SimpleMeterRegistry();
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		observeRuns(observations(ours, new RunMeterObservationHandler(ours, true, 100)));
		observeRuns(observations(micrometers, new DefaultMeterObservationHandler(micrometers)));

		assertThat(meters(ours)).isEqualTo(meters(micrometers)).containsKeys(
				"lcel.run[error=none, lcel.operation=invoke, lcel.run.name=joke, lcel.run.type=chain, outcome=success]",
				"lcel.run[error=IllegalStateException, gen_ai.operation.name=chat, gen_ai.provider.name=fake, "
						+ "gen_ai.request.model=fake-model, lcel.operation=invoke, lcel.run.name=FakeModel, "
						+ "lcel.run.type=chat_model, outcome=error]",
				"lcel.run[error=none, lcel.operation=invoke, lcel.run.name=StrOutputParser, lcel.run.type=parser, "
						+ "outcome=cancelled]",
				"lcel.run.active[lcel.operation=invoke, lcel.run.name=joke, lcel.run.type=chain, outcome=success]");
		assertThat(meters(ours)).containsEntry(
				"lcel.run[error=none, lcel.operation=invoke, lcel.run.name=joke, lcel.run.type=chain, outcome=success]",
				3L);
	}

	@Test
	void keptMetersHonourTheRegistrysFiltersAndCommonTags() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().commonTags("region", "eu");
		registry.config().meterFilter(MeterFilter.deny((id) -> "StrOutputParser".equals(id.getTag("lcel.run.name"))));
		RunMeterObservationHandler handler = new RunMeterObservationHandler(registry, true, 100);
		ObservationCallbackHandler runs = new ObservationCallbackHandler(observations(registry, handler));
		RunInfo parser = run(RunType.PARSER, "StrOutputParser", List.of(), Map.of());
		for (int i = 0; i < 3; i++) {
			RunInfo chain = run(RunType.CHAIN, "joke", List.of(), Map.of("lcel_chain", "joke"));
			runs.onRunStart(chain, null);
			runs.onRunEnd(chain, null, null);
			runs.onRunStart(parser, null);
			runs.onRunEnd(parser, null, null);
		}

		Timer timer = registry.get("lcel.run").tag("lcel.run.name", "joke").timer();
		assertThat(timer.getId().getTag("region")).isEqualTo("eu");
		assertThat(timer.count()).isEqualTo(3);
		assertThat(registry.find("lcel.run").tag("lcel.run.name", "StrOutputParser").meters()).isEmpty();
		assertThat(registry.get("lcel.run.active").longTaskTimer().getId().getTag("region")).isEqualTo("eu");
	}

	@Test
	void aMeterFilterAddedBeforeTheFirstRunAppliesToTheMetersOfEveryLaterRun() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		RunMeterObservationHandler handler = new RunMeterObservationHandler(registry, true, 100);
		ObservationCallbackHandler runs = new ObservationCallbackHandler(observations(registry, handler));
		registry.config().meterFilter(MeterFilter.commonTags(List.of(Tag.of("zone", "b"))));
		for (int i = 0; i < 5; i++) {
			RunInfo chain = run(RunType.CHAIN, "joke", List.of(), Map.of("lcel_chain", "joke"));
			runs.onRunStart(chain, null);
			runs.onRunEnd(chain, null, null);
		}

		assertThat(registry.find("lcel.run").timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("zone")).isEqualTo("b"))
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(5));
		assertThat(registry.get("lcel.run.active").longTaskTimer().getId().getTag("zone")).isEqualTo("b");
	}

	@Test
	void keyValuesAnObservationFilterAddsAtTheStopTagTheTimerAsInTheDefaultHandler() {
		SimpleMeterRegistry ours = new SimpleMeterRegistry();
		SimpleMeterRegistry micrometers = new SimpleMeterRegistry();
		ObservationRegistry observations = observations(ours, new RunMeterObservationHandler(ours, true, 100));
		ObservationRegistry defaults = observations(micrometers, new DefaultMeterObservationHandler(micrometers));
		for (ObservationRegistry registry : List.of(observations, defaults)) {
			registry.observationConfig()
				.observationFilter((context) -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu")));
			observeRuns(registry);
		}

		assertThat(meters(ours)).isEqualTo(meters(micrometers)).containsEntry(
				"lcel.run[error=none, lcel.operation=invoke, lcel.run.name=joke, lcel.run.type=chain, outcome=success, "
						+ "region=eu]",
				3L);
	}

	@Test
	void withoutLongTaskTimersOnlyTheTimerIsRecorded() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ObservationCallbackHandler runs = new ObservationCallbackHandler(
				observations(registry, new RunMeterObservationHandler(registry, false, 100)));
		runs.onRunStart(CHAIN, null);
		runs.onRunEnd(CHAIN, null, null);

		assertThat(registry.get("lcel.run").timer().count()).isEqualTo(1);
		assertThat(registry.find("lcel.run.active").meters()).isEmpty();
	}

	@Test
	void aLongTaskTimerCountsTheRunsInProgress() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ObservationCallbackHandler runs = new ObservationCallbackHandler(
				observations(registry, new RunMeterObservationHandler(registry, true, 100)));
		RunInfo other = run(RunType.CHAIN, "joke", List.of(), Map.of("lcel_chain", "joke"));
		runs.onRunStart(CHAIN, null);
		runs.onRunStart(other, null);
		LongTaskTimer active = registry.get("lcel.run.active").longTaskTimer();
		assertThat(active.activeTasks()).isEqualTo(2);
		runs.onRunEnd(CHAIN, null, null);
		assertThat(active.activeTasks()).isEqualTo(1);
		runs.onRunEnd(other, null, null);
		assertThat(active.activeTasks()).isZero();
	}

	@Test
	void beyondItsCapacityMetersAreStillRecorded() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ObservationCallbackHandler runs = new ObservationCallbackHandler(
				observations(registry, new RunMeterObservationHandler(registry, true, 1)));
		for (String name : List.of("a", "b", "c", "b")) {
			RunInfo run = run(RunType.CHAIN, name, List.of(), Map.of());
			runs.onRunStart(run, null);
			runs.onRunEnd(run, null, null);
		}

		assertThat(registry.get("lcel.run").tag("lcel.run.name", "b").timer().count()).isEqualTo(2);
		assertThat(registry.find("lcel.run").timers()).hasSize(3);
	}

	@Test
	void supportsRunObservationsOnly() {
		RunMeterObservationHandler handler = new RunMeterObservationHandler(new SimpleMeterRegistry(), true, 10);
		assertThat(handler.supportsContext(new io.micrometer.observation.Observation.Context())).isFalse();
	}

	/** A chain run three times, then a model that fails and a parser that is cancelled. */
	private static void observeRuns(ObservationRegistry registry) {
		ObservationCallbackHandler runs = new ObservationCallbackHandler(registry);
		for (int i = 0; i < 3; i++) {
			RunInfo chain = run(RunType.CHAIN, "joke", List.of(), Map.of("lcel_chain", "joke"));
			runs.onRunStart(chain, null);
			runs.onRunEnd(chain, null, null);
		}
		RunInfo model = run(RunType.CHAT_MODEL, "FakeModel", List.of(),
				Map.of("ls_provider", "fake", "ls_model_name", "fake-model"));
		runs.onRunStart(model, null);
		runs.onRunError(model, new IllegalStateException("down"));
		RunInfo parser = run(RunType.PARSER, "StrOutputParser", List.of(), Map.of());
		runs.onRunStart(parser, null);
		runs.onRunError(parser, new CancellationException("cancelled"));
	}

	/** A registry whose meter handlers are grouped as Spring Boot groups them. */
	private static ObservationRegistry observations(MeterRegistry meters, RunMeterObservationHandler handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new FirstMatchingCompositeObservationHandler(handler,
					new DefaultMeterObservationHandler(meters)));
		return registry;
	}

	private static ObservationRegistry observations(MeterRegistry meters, DefaultMeterObservationHandler handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return registry;
	}

	/** Every meter by its name and sorted tags, with its count (timers) or its active tasks. */
	private static Map<String, Long> meters(MeterRegistry registry) {
		Map<String, Long> meters = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			String tags = meter.getId().getTags().stream().map((tag) -> tag.getKey() + "=" + tag.getValue()).sorted()
				.toList().toString();
			long value = (meter instanceof Timer timer) ? timer.count() : ((LongTaskTimer) meter).activeTasks();
			meters.put(meter.getId().getName() + tags, value);
		}
		return meters;
	}

	private static RunInfo run(RunType type, String name, List<UUID> parents, Map<String, Object> metadata) {
		return new RunInfo(UUID.randomUUID(), parents, name, type, List.of(), metadata, "invoke");
	}

}
