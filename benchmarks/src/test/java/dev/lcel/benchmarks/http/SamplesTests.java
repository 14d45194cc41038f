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
	void roundsAddUpToOneSetOfSamples() {
		Samples all = new Samples();
		Samples round = new Samples();
		for (int i = 1; i <= 2000; i++) {
			((i % 2 == 0) ? all : round).add(Duration.ofMillis(i).toNanos());
		}
		all.addAll(round);
		assertThat(all.count()).isEqualTo(2000);
		assertThat(all.percentile(50)).isEqualTo(Duration.ofMillis(1000));
		assertThat(all.percentile(100)).isEqualTo(Duration.ofMillis(2000));
	}

	@Test
	void failuresOfRoundsAddUpByKind() {
		Failures all = new Failures();
		Failures round = new Failures();
		all.add("status 503");
		round.add("status 503");
		round.add("no end event");
		all.addAll(round);
		assertThat(all.byKind()).containsExactly(java.util.Map.entry("no end event", 1L), java.util.Map.entry("status 503", 2L));
		assertThat(all.total()).isEqualTo(3);
	}

	@Test
	void noSamplesIsZero() {
		assertThat(new Samples().percentile(99)).isEqualTo(Duration.ZERO);
	}

}
