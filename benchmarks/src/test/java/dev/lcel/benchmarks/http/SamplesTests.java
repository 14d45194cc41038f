package dev.lcel.benchmarks.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTests {

	@Test
	void percentilesAreNearestRankOverEverySample() {
		Samples samples = new Samples();
		for (int i = 100; i >= 1; i--) {
			samples.add(Duration.ofMillis(i).toNanos());
		}
		assertThat(samples.count()).isEqualTo(100);
		assertThat(samples.percentile(50)).isEqualTo(Duration.ofMillis(50));
		assertThat(samples.percentile(99)).isEqualTo(Duration.ofMillis(99));
		assertThat(samples.percentile(100)).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void noSamplesIsZero() {
		assertThat(new Samples().percentile(99)).isEqualTo(Duration.ZERO);
	}

}
