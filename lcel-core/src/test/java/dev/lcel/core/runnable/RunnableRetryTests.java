package dev.lcel.core.runnable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.core.models.ProviderException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnableRetryTests {

	private static final RetryPolicy FAST = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

	private final AtomicInteger attempts = new AtomicInteger();

	private Runnable<String, String> failingTimes(int failures, RuntimeException error) {
		return RunnableLambda.of((String s) -> {
			if (this.attempts.incrementAndGet() <= failures) {
				throw error;
			}
			return s + this.attempts.get();
		});
	}

	@Test
	void retriesUntilSuccess() {
		assertThat(failingTimes(2, new IllegalStateException("flaky")).withRetry(FAST).invoke("ok")).isEqualTo("ok3");
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void stopsAtMaxAttemptsWithTheLastFailure() {
		IllegalStateException flaky = new IllegalStateException("flaky");
		assertThatThrownBy(() -> failingTimes(10, flaky).withRetry(FAST.withMaxAttempts(4)).invoke("x")).isSameAs(flaky);
		assertThat(this.attempts).hasValue(4);
	}

	@Test
	void doesNotRetryExceptionsOutsideThePolicy() {
		IllegalArgumentException bad = new IllegalArgumentException("bad request");
		Runnable<String, String> retried = failingTimes(1, bad).withRetry(FAST.withRetryOn(IllegalStateException.class));
		assertThatThrownBy(() -> retried.invoke("x")).isSameAs(bad);
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void asyncRetryUsesTheSamePolicy() {
		StepVerifier.create(failingTimes(2, new IllegalStateException("flaky")).withRetry(FAST).ainvoke("ok"))
			.expectNext("ok3")
			.verifyComplete();
	}

	@Test
	void asyncRetryWaitsTheBackoffBetweenAttempts() {
		RetryPolicy slow = RetryPolicy.DEFAULTS.withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10)).withJitter(0);
		StepVerifier.withVirtualTime(() -> failingTimes(1, new IllegalStateException("flaky")).withRetry(slow).ainvoke("ok"))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(9))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok2")
			.verifyComplete();
	}

	@Test
	void streamIsRetriedBeforeItsFirstChunkOnly() {
		AtomicInteger streams = new AtomicInteger();
		IllegalStateException cut = new IllegalStateException("stream cut");
		Runnable<String, String> flaky = RunnableGenerator.of((Flux<String> in) -> (streams.incrementAndGet() == 1)
				? Flux.error(new IllegalStateException("refused")) : Flux.concat(Flux.just("a"), Flux.error(cut)));

		StepVerifier.create(flaky.withRetry(FAST).astream("x"))
			.expectNext("a")
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(cut))
			.verify();
		assertThat(streams).hasValue(2);
	}

	@Test
	void backoffGrowsExponentiallyUpToTheCap() {
		RetryPolicy policy = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(100), Duration.ofMillis(350)).withJitter(0);
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(350));
	}

	@Test
	void jitterAddsAtMostItsFraction() {
		RetryPolicy policy = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).withJitter(0.5);
		for (int i = 0; i < 100; i++) {
			assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
		}
	}

	@Test
	void anUpstreamFailureThatIsNotRetriableIsNeverRetried() {
		RetryPolicy policy = RetryPolicy.DEFAULTS;
		assertThat(policy.retries(upstream(false, null))).isFalse();
		assertThat(policy.retries(upstream(true, null))).isTrue();
	}

	@Test
	void theWaitAServiceAskedForReplacesTheBackoffUnlessItIsLongerThanTheLongestWait() {
		RetryPolicy policy = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofSeconds(30));
		ProviderException askedToWait = upstream(true, Duration.ofSeconds(7));
		assertThat(policy.backoff(1, askedToWait)).isEqualTo(Duration.ofSeconds(7));
		assertThat(policy.retries(askedToWait)).isTrue();
		assertThat(policy.retries(upstream(true, Duration.ofMinutes(5)))).as("longer than maxBackoff").isFalse();
	}

	@Test
	void aRetriableUpstreamFailureIsRetriedAfterTheWaitItAskedFor() {
		AtomicInteger calls = new AtomicInteger();
		Runnable<String, String> flaky = RunnableLambda.of((String input) -> {
			if (calls.incrementAndGet() == 1) {
				throw upstream(true, Duration.ofMillis(200));
			}
			return input;
		});
		long start = System.nanoTime();
		String result = flaky.withRetry(RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(1), Duration.ofSeconds(1)))
			.invoke("ok");
		assertThat(result).isEqualTo("ok");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	/** A failure of a service, as the model clients report it. */
	private static ProviderException upstream(boolean retriable, Duration retryAfter) {
		return new ProviderException("test", 0, "upstream failed", retriable, retryAfter, null);
	}

}
