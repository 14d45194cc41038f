package dev.lcel.core.runnable;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.lcel.core.UpstreamFailure;
import org.jspecify.annotations.Nullable;

/**
 * When and how often {@link RunnableRetry} tries again: the number of attempts, the exceptions
 * worth retrying, and an exponential backoff with jitter between attempts.
 *
 * <p>The wait before attempt {@code n + 1} is {@code initialBackoff * 2^(n - 1)}, capped at
 * {@code maxBackoff}, plus a random extra of up to {@code jitter} times that. A failure of a
 * service that said how long to wait ({@link UpstreamFailure#retryAfter()}, from a
 * {@code Retry-After} header) waits that long instead; if the service asks for longer than
 * {@code maxBackoff}, the failure is not retried, since the caller will not wait that long. A
 * failure that is not {@linkplain UpstreamFailure#retriable() retriable} (bad credentials, a
 * malformed request, an exhausted quota) is never retried, whatever {@code retryOn} says.
 *
 * @param maxAttempts the most attempts, the first included (at least 1)
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between attempts
 * @param jitter the fraction of the wait added at random, from 0 to 1
 * @param retryOn the exception types worth retrying; others fail at once
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
		List<Class<? extends Throwable>> retryOn) {

	/** Three attempts on any {@link Exception}, waiting 1 s, then 2 s, with up to 50% jitter. */
	public static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5,
			List.of(Exception.class));

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
		}
		retryOn = List.copyOf(retryOn);
	}

	/**
	 * Return a copy with another number of attempts.
	 * @param maxAttempts the most attempts, the first included
	 * @return the policy
	 */
	public RetryPolicy withMaxAttempts(int maxAttempts) {
		return new RetryPolicy(maxAttempts, this.initialBackoff, this.maxBackoff, this.jitter, this.retryOn);
	}

	/**
	 * Return a copy with another backoff.
	 * @param initialBackoff the wait before the second attempt
	 * @param maxBackoff the longest wait
	 * @return the policy
	 */
	public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
		return new RetryPolicy(this.maxAttempts, initialBackoff, maxBackoff, this.jitter, this.retryOn);
	}

	/**
	 * Return a copy with another jitter.
	 * @param jitter the fraction of the wait added at random, from 0 to 1
	 * @return the policy
	 */
	public RetryPolicy withJitter(double jitter) {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff, jitter, this.retryOn);
	}

	/**
	 * Return a copy that retries only the given exception types (and their subtypes).
	 * @param retryOn the exception types
	 * @return the policy
	 */
	@SafeVarargs
	public final RetryPolicy withRetryOn(Class<? extends Throwable>... retryOn) {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.jitter, List.of(retryOn));
	}

	/**
	 * Return whether a failure is worth another attempt.
	 * @param error the failure
	 * @return {@code true} if it is an instance of one of {@link #retryOn()}, and, for an
	 * {@link UpstreamFailure}, retriable within {@code maxBackoff}
	 */
	public boolean retries(Throwable error) {
		if (error instanceof UpstreamFailure upstream && (!upstream.retriable()
				|| upstream.retryAfter().filter((wait) -> wait.compareTo(this.maxBackoff) > 0).isPresent())) {
			return false;
		}
		for (Class<? extends Throwable> type : this.retryOn) {
			if (type.isInstance(error)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return how long to wait after a failed attempt.
	 * @param failedAttempt the number of the attempt that failed, from 1
	 * @return the wait
	 */
	public Duration backoff(int failedAttempt) {
		return backoff(failedAttempt, null);
	}

	/**
	 * Return how long to wait after a failed attempt: the wait the service asked for, if the
	 * failure says, else the exponential backoff.
	 * @param failedAttempt the number of the attempt that failed, from 1
	 * @param failure the failure, or {@code null}
	 * @return the wait
	 */
	public Duration backoff(int failedAttempt, @Nullable Throwable failure) {
		if (failure instanceof UpstreamFailure upstream && upstream.retryAfter().isPresent()) {
			return upstream.retryAfter().get();
		}
		long base = this.initialBackoff.toNanos();
		long capped = this.maxBackoff.toNanos();
		for (int i = 1; i < failedAttempt && base < capped; i++) {
			base *= 2;
		}
		base = Math.min(base, capped);
		long extra = (long) (base * this.jitter * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos(base + extra);
	}

}
