package dev.lcel.autoconfigure.observation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTagValuesTests {

	@Test
	void runMetersBeyondTheBoundOfNamesAreNotRecorded() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new BoundedTagValues(3));
		for (int i = 0; i < 10; i++) {
			registry.timer("lcel.run", "lcel.run.name", "name-" + i).record(java.time.Duration.ofMillis(1));
			registry.timer("gen_ai.client.operation.duration", "gen_ai.request.model", "model-" + i)
				.record(java.time.Duration.ofMillis(1));
		}
		assertThat(registry.find("lcel.run").timers()).hasSize(3);
		assertThat(registry.find("gen_ai.client.operation.duration").timers()).hasSize(3);
	}

	@Test
	void otherMetersAndKnownNamesAreUntouched() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new BoundedTagValues(1));
		registry.timer("lcel.run", "lcel.run.name", "joke", "lcel.outcome", "success").record(java.time.Duration.ofMillis(1));
		registry.timer("lcel.run", "lcel.run.name", "joke", "lcel.outcome", "error").record(java.time.Duration.ofMillis(1));
		for (int i = 0; i < 5; i++) {
			registry.counter("http.server.requests", "uri", "/u" + i).increment();
		}
		assertThat(registry.find("lcel.run").timers()).hasSize(2);
		assertThat(registry.find("http.server.requests").counters()).hasSize(5);
	}

}
