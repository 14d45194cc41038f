package dev.lcel.core.governance;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windowed quota on virtual time, over the memory store.
 */
class WindowedTokenQuotaTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final WindowedTokenQuota quota = new WindowedTokenQuota(new InMemoryQuotaStore(10), "quotas.tokens-per-window",
			100, Duration.ofMinutes(1), this.time);

	@Test
	void aKeyMayCallWhileItHasTokensLeft() {
		this.quota.spend("ada", 99).block();
		StepVerifier.create(this.quota.check("ada")).verifyComplete();
	}

	@Test
	void aSpentKeyIsRefusedUntilTheNextWindow() {
		this.time.advanceTimeBy(Duration.ofSeconds(15));
		this.quota.spend("ada", 60).block();
		this.quota.spend("ada", 60).block();
		StepVerifier.create(this.quota.check("ada")).verifyErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(QuotaExceededException.class)
				.hasMessageContaining("100 tokens per PT1M")
				.hasMessageNotContaining("ada");
			QuotaExceededException refused = (QuotaExceededException) error;
			assertThat(refused.limit()).isEqualTo("quotas.tokens-per-window");
			assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(45));
		});
		this.time.advanceTimeBy(Duration.ofSeconds(45));
		StepVerifier.create(this.quota.check("ada")).verifyComplete();
	}

	@Test
	void keysAreCountedApart() {
		this.quota.spend("ada", 100).block();
		StepVerifier.create(this.quota.check("grace")).verifyComplete();
		StepVerifier.create(this.quota.check("ada")).expectError(QuotaExceededException.class).verify();
	}

	@Test
	void theMemoryStoreForgetsTheLeastRecentlyUsedKeyPastItsBound() {
		InMemoryQuotaStore store = new InMemoryQuotaStore(2);
		store.add("a", 0, 5, Duration.ofMinutes(1)).block();
		store.add("b", 0, 5, Duration.ofMinutes(1)).block();
		store.spent("a", 0).block();
		store.add("c", 0, 5, Duration.ofMinutes(1)).block();
		assertThat(store.spent("a", 0).block()).isEqualTo(5);
		assertThat(store.spent("b", 0).block()).isZero();
		assertThat(store.spent("c", 0).block()).isEqualTo(5);
	}

}
