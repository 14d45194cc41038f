package dev.lcel.core.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter on virtual time: waits, refusals, corrections and combined limits.
 */
class RateLimiterTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(100, this.time);

	private RateLimiter limiter(Duration maxWait, RateLimit... limits) {
		RateLimiter.Builder builder = RateLimiter.builder(this.store).maxWait(maxWait).timer(this.time);
		for (RateLimit limit : limits) {
			builder.limit(limit);
		}
		return builder.build();
	}

	private static RateLimit requests(String name, long perSecond) {
		return new RateLimit(name, perSecond, 0, Duration.ofSeconds(1));
	}

	private static RateLimit tokens(String name, long perSecond) {
		return new RateLimit(name, 0, perSecond, Duration.ofSeconds(1));
	}

	@Test
	void callsWithinTheBudgetStartAtOnce() {
		RateLimiter limiter = limiter(Duration.ZERO, requests("gpt", 2));
		StepVerifier.create(limiter.acquire(0)).expectNextCount(1).verifyComplete();
		StepVerifier.create(limiter.acquire(0)).expectNextCount(1).verifyComplete();
	}

	@Test
	void aCallBeyondTheBudgetWaitsForItsShareOfTheRefill() {
		RateLimiter limiter = limiter(Duration.ofSeconds(10), requests("gpt", 2));
		limiter.acquire(0).block();
		limiter.acquire(0).block();
		assertGrantedAfter(() -> limiter.acquire(0), Duration.ofMillis(500));
	}

	@Test
	void waitingCallsAreGrantedOneEmissionIntervalApartInOrder() {
		RateLimiter limiter = limiter(Duration.ofSeconds(10), requests("gpt", 4));
		for (int i = 0; i < 4; i++) {
			limiter.acquire(0).block();
		}
		List<Long> granted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			limiter.acquire(0).subscribe((permit) -> granted.add(this.time.now(java.util.concurrent.TimeUnit.MILLISECONDS)));
		}
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(granted).containsExactly(250L, 500L, 750L);
	}

	@Test
	void failingFastRefusesWithTheLimitAndTheWaitItWouldHaveNeeded() {
		RateLimiter limiter = limiter(Duration.ZERO, requests("gpt", 2));
		limiter.acquire(0).block();
		limiter.acquire(0).block();
		StepVerifier.create(limiter.acquire(0)).verifyErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(RateLimitExceededException.class);
			RateLimitExceededException refused = (RateLimitExceededException) error;
			assertThat(refused.limit()).isEqualTo("gpt.requests-per-interval");
			assertThat(refused.dimension()).isEqualTo(RateLimit.Dimension.REQUESTS);
			assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
			assertThat(refused).hasMessageContaining("'gpt'").hasMessageContaining("2 requests per PT1S");
		});
	}

	@Test
	void aWaitLongerThanMaxWaitIsRefusedAndCountsNothing() {
		RateLimiter limiter = limiter(Duration.ofMillis(300), tokens("gpt", 100));
		limiter.acquire(100).block();
		StepVerifier.create(limiter.acquire(50))
			.verifyErrorSatisfies((error) -> assertThat(((RateLimitExceededException) error).retryAfter())
				.isEqualTo(Duration.ofMillis(500)));
		this.time.advanceTimeBy(Duration.ofMillis(500));
		StepVerifier.create(limiter.acquire(50)).expectNextCount(1).verifyComplete();
	}

	@Test
	void tokensWaitUntilTheBucketHoldsThem() {
		RateLimiter limiter = limiter(Duration.ofSeconds(5), tokens("gpt", 100));
		limiter.acquire(80).block();
		assertGrantedAfter(() -> limiter.acquire(40), Duration.ofMillis(200));
	}

	@Test
	void reportedUsageCorrectsTheEstimateBothWays() {
		RateLimiter limiter = limiter(Duration.ZERO, tokens("gpt", 100));
		limiter.acquire(10).flatMap((permit) -> permit.settle(100)).block();
		StepVerifier.create(limiter.acquire(10)).expectError(RateLimitExceededException.class).verify();
		RateLimiter other = limiter(Duration.ZERO, tokens("claude", 100));
		other.acquire(100).flatMap((permit) -> permit.settle(20)).block();
		StepVerifier.create(other.acquire(80)).expectNextCount(1).verifyComplete();
	}

	@Test
	void aCallLargerThanTheBudgetWaitsForAFullBucketAndLeavesItInDebt() {
		RateLimiter limiter = limiter(Duration.ZERO, tokens("gpt", 100));
		StepVerifier.create(limiter.acquire(300)).expectNextCount(1).verifyComplete();
		StepVerifier.create(limiter.acquire(1))
			.verifyErrorSatisfies((error) -> assertThat(((RateLimitExceededException) error).retryAfter())
				.isEqualTo(Duration.ofMillis(2010)));
	}

	@Test
	void aCallMustFitEveryLimitAndTheShortOneIsNamed() {
		RateLimiter gpt = limiter(Duration.ZERO, requests("gpt", 10), tokens("global", 100));
		RateLimiter claude = limiter(Duration.ZERO, requests("claude", 10), tokens("global", 100));
		gpt.acquire(70).block();
		StepVerifier.create(claude.acquire(50)).verifyErrorSatisfies((error) -> {
			RateLimitExceededException refused = (RateLimitExceededException) error;
			assertThat(refused.limit()).isEqualTo("global.tokens-per-interval");
			assertThat(refused.dimension()).isEqualTo(RateLimit.Dimension.TOKENS);
		});
		// refused as a whole: claude's request budget was not spent either
		for (int i = 0; i < 10; i++) {
			StepVerifier.create(claude.acquire(0)).expectNextCount(1).verifyComplete();
		}
	}

	@Test
	void cancellingAWaitGivesTheReservationBack() {
		RateLimiter limiter = limiter(Duration.ofSeconds(10), requests("gpt", 1));
		limiter.acquire(0).block();
		StepVerifier.withVirtualTime(() -> limiter.acquire(0), () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofMillis(100))
			.thenCancel()
			.verify();
		this.time.advanceTimeBy(Duration.ofMillis(900));
		StepVerifier.create(limiter.acquire(0)).expectNextCount(1).verifyComplete();
	}

	@Test
	void theListenerLearnsGrantsWaitsRefusalsAndCorrections() {
		List<String> heard = new ArrayList<>();
		RateLimiter limiter = RateLimiter.builder(this.store)
			.limit(tokens("gpt", 100))
			.maxWait(Duration.ofSeconds(1))
			.timer(this.time)
			.listener(new RateLimitListener() {

				@Override
				public void granted(RateLimit limit, long tokens, Duration wait) {
					heard.add("granted " + limit.name() + " " + tokens + " after " + wait.toMillis());
				}

				@Override
				public void rejected(RateLimit limit, RateLimit.Dimension dimension) {
					heard.add("rejected " + limit.name() + " " + dimension.label());
				}

				@Override
				public void corrected(RateLimit limit, long tokens) {
					heard.add("corrected " + limit.name() + " " + tokens);
				}

			})
			.build();
		limiter.acquire(100).flatMap((permit) -> permit.settle(120)).block();
		limiter.acquire(10).subscribe();
		limiter.acquire(500).onErrorResume((error) -> Mono.empty()).subscribe();
		assertThat(heard).containsExactly("granted gpt 100 after 0", "corrected gpt 20", "granted gpt 10 after 300",
				"rejected gpt tokens");
	}

	/**
	 * Random calls at random times on virtual time, with random usage reported: over any stretch
	 * from the start, the limiter never lets through more than the bucket plus the refill of the
	 * elapsed time.
	 */
	@Test
	void grantedTokensNeverExceedTheBudgetOfTheElapsedTime() {
		long seed = Long.getLong("lcel.test.seed", 22L);
		System.out.println("RateLimiterTests seed: " + seed + " (replay with -Dlcel.test.seed=" + seed + ")");
		Random random = new Random(seed);
		RateLimiter limiter = limiter(Duration.ofMillis(200), new RateLimit("gpt", 20, 1000, Duration.ofSeconds(1)));
		AtomicLong requests = new AtomicLong();
		AtomicLong tokens = new AtomicLong();
		for (int step = 0; step < 2000; step++) {
			long estimate = random.nextInt(120);
			long actual = Math.max(0, estimate + random.nextInt(80) - 40);
			limiter.acquire(estimate).flatMap((permit) -> permit.settle(actual).doOnSuccess((done) -> {
				requests.incrementAndGet();
				tokens.addAndGet(actual);
			})).onErrorResume(RateLimitExceededException.class, (error) -> Mono.empty()).subscribe();
			this.time.advanceTimeBy(Duration.ofMillis(random.nextInt(40)));
			long elapsed = this.time.now(java.util.concurrent.TimeUnit.MILLISECONDS);
			assertThat(requests.get()).as("seed %d, step %d", seed, step).isLessThanOrEqualTo(20 + 20 * elapsed / 1000 + 1);
			// the last grant may overshoot by its own correction: at most one call's tokens above the budget
			assertThat(tokens.get()).as("seed %d, step %d", seed, step)
				.isLessThanOrEqualTo(1000 + 1000 * elapsed / 1000 + 160);
		}
		assertThat(requests.get()).isGreaterThan(0);
	}

	/** Check that the call is granted exactly {@code wait} after it is made, on virtual time. */
	private void assertGrantedAfter(Supplier<Mono<RateLimiter.Permit>> call, Duration wait) {
		StepVerifier.withVirtualTime(call, () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(wait.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNextCount(1)
			.verifyComplete();
	}

}
