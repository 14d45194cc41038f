package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.lcel.autoconfigure.history.RedisServer;
import dev.lcel.core.governance.RateLimitStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store's script against a real Redis ({@code REDIS_URL}, or Testcontainers; skipped
 * without): reservations queue one emission interval apart, and a refusal changes nothing.
 */
class RedisRateLimitStoreTests {

	private LettuceConnectionFactory connections;

	private RedisRateLimitStore store;

	private final String prefix = "lcel-test:" + UUID.randomUUID() + ":";

	@BeforeEach
	void connect() {
		java.net.URI uri = java.net.URI.create(RedisServer.url());
		this.connections = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379));
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.store = new RedisRateLimitStore(new RedisKeyspace(new ReactiveStringRedisTemplate(this.connections), this.prefix));
	}

	@AfterEach
	void close() {
		if (this.connections != null) {
			this.connections.destroy();
		}
	}

	@Test
	void reservationsBeyondTheBucketQueueOneEmissionIntervalApart() {
		RateLimitStore.Draw draw = new RateLimitStore.Draw("q", 20, Duration.ofHours(1), 1);
		List<Duration> waits = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			waits.add(this.store.reserve(List.of(draw), Duration.ofHours(1)).block().delay());
		}
		assertThat(waits.subList(0, 20)).allMatch(Duration::isZero);
		// one hour / 20 = 3 minutes apart, less the few milliseconds the calls took
		assertThat(waits.get(20)).isBetween(Duration.ofMinutes(3).minusSeconds(5), Duration.ofMinutes(3));
		assertThat(waits.get(21)).isBetween(Duration.ofMinutes(6).minusSeconds(5), Duration.ofMinutes(6));
		assertThat(waits.get(22)).isBetween(Duration.ofMinutes(9).minusSeconds(5), Duration.ofMinutes(9));
	}

	@Test
	void aRefusalChangesNothingAndNamesTheBlockingDraw() {
		RateLimitStore.Draw roomy = new RateLimitStore.Draw("roomy", 100, Duration.ofHours(1), 1);
		RateLimitStore.Draw tight = new RateLimitStore.Draw("tight", 1, Duration.ofHours(1), 1);
		assertThat(this.store.reserve(List.of(roomy, tight), Duration.ZERO).block().granted()).isTrue();
		RateLimitStore.Reservation refused = this.store.reserve(List.of(roomy, tight), Duration.ZERO).block();
		assertThat(refused.granted()).isFalse();
		assertThat(refused.blocking()).isEqualTo(1);
		assertThat(refused.delay()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
		// the roomy bucket was not charged for the refused call: 99 more fit
		for (int i = 0; i < 99; i++) {
			assertThat(this.store.reserve(List.of(roomy), Duration.ZERO).block().granted()).isTrue();
		}
		assertThat(this.store.reserve(List.of(roomy), Duration.ZERO).block().granted()).isFalse();
	}

	@Test
	void aCorrectionGivesUnitsBackAndTakesMore() {
		RateLimitStore.Draw draw = new RateLimitStore.Draw("tokens", 100, Duration.ofHours(1), 100);
		assertThat(this.store.reserve(List.of(draw), Duration.ZERO).block().granted()).isTrue();
		this.store.correct(draw.withAmount(-40)).block();
		assertThat(this.store.reserve(List.of(draw.withAmount(40)), Duration.ZERO).block().granted()).isTrue();
		assertThat(this.store.reserve(List.of(draw.withAmount(1)), Duration.ZERO).block().granted()).isFalse();
	}

}
