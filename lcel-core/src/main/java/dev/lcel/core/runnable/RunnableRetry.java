package dev.lcel.core.runnable;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs a runnable again when it fails with an exception its {@link RetryPolicy} retries, waiting
 * between attempts; what {@link Runnable#withRetry(RetryPolicy)} builds.
 *
 * <p>After the last attempt the last failure is thrown as it was raised. A stream is retried only
 * until its first chunk has been emitted: once output has reached the caller, a retry would repeat
 * it, so a later failure ends the stream. A retried step in a streaming chain receives its input
 * whole, since each attempt needs the input again.
 *
 * <p>The retry is a run of its own (a chain run under the retried runnable's name), and each attempt
 * a child run of it; attempts after the first are tagged {@code retry:attempt:N}, as in LangChain.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableRetry<I, O> extends AbstractRunnable<I, O> implements RunAroundDelegate<I, O> {

	private final Runnable<I, O> bound;

	private final RetryPolicy policy;

	RunnableRetry(Runnable<I, O> bound, RetryPolicy policy) {
		this.bound = RunnableAdapter.adapt(Objects.requireNonNull(bound, "bound must not be null"));
		this.policy = Objects.requireNonNull(policy, "policy must not be null");
	}

	/**
	 * Return the policy of this retry.
	 * @return the policy
	 */
	public RetryPolicy getPolicy() {
		return this.policy;
	}

	@Override
	protected O doInvoke(I input, RunManager run) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.bound.invoke(input, attemptConfig(run, attempt));
			}
			catch (RuntimeException | Error ex) {
				if (attempt >= this.policy.maxAttempts() || !this.policy.retries(ex)) {
					throw ex;
				}
				sleep(this.policy.backoff(attempt, ex), ex);
			}
		}
	}

	@Override
	protected Mono<O> doAinvoke(I input, RunManager run) {
		return Mono.defer(() -> {
			AtomicInteger attempt = new AtomicInteger();
			return Mono.defer(() -> this.bound.ainvoke(input, attemptConfig(run, attempt.incrementAndGet())))
				.retryWhen(retry(null));
		});
	}

	@Override
	protected Flux<O> doStream(I input, RunManager run) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			AtomicInteger attempt = new AtomicInteger();
			return Flux.defer(() -> this.bound.astream(input, attemptConfig(run, attempt.incrementAndGet())))
				.doOnNext((chunk) -> emitted.set(true))
				.retryWhen(retry(emitted));
		});
	}

	private static RunnableConfig attemptConfig(RunManager run, int attempt) {
		return (attempt == 1) ? run.child() : run.child("retry:attempt:" + attempt);
	}

	private Retry retry(AtomicBoolean emitted) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			int failedAttempt = (int) signal.totalRetries() + 1;
			Throwable failure = signal.failure();
			boolean mayRetry = failedAttempt < this.policy.maxAttempts() && this.policy.retries(failure)
					&& (emitted == null || !emitted.get());
			return mayRetry ? Mono.delay(this.policy.backoff(failedAttempt, failure)) : Mono.error(failure);
		}));
	}

	private static void sleep(Duration backoff, Throwable failure) {
		try {
			Thread.sleep(backoff.toMillis(), backoff.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failure.addSuppressed(ex);
			throw Blocking.rethrow(failure);
		}
	}

	@Override
	public Runnable<I, O> delegate() {
		return this.bound;
	}

}
