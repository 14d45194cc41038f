package dev.lcel.core.runnable;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.lcel.core.config.ConfigurableFieldSpec;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.Runs;
import dev.lcel.core.graph.Graph;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.RunWrapper;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a runnable again when it fails with an exception its {@link RetryPolicy} retries, waiting
 * between attempts; what {@link Runnable#withRetry(RetryPolicy)} builds.
 *
 * <p>After the last attempt the last failure is thrown as it was raised. A stream is retried only
 * until its first chunk has been emitted: once output has reached the caller, a retry would repeat
 * it, so a later failure ends the stream. A retried step in a streaming chain receives its input
 * whole, since each attempt needs the input again.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class RunnableRetry<I, O> implements Runnable<I, O>, RunWrapper {

	private final Runnable<I, O> bound;

	private final RetryPolicy policy;

	RunnableRetry(Runnable<I, O> bound, RetryPolicy policy) {
		this.bound = Objects.requireNonNull(bound, "bound must not be null");
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
	public O invoke(I input, RunnableConfig config) {
		for (int attempt = 1;; attempt++) {
			try {
				return Runs.invoke(this.bound, input, config);
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
	public Mono<O> ainvoke(I input, RunnableConfig config) {
		return Mono.defer(() -> Runs.ainvoke(this.bound, input, config)).retryWhen(retry(null));
	}

	@Override
	public Flux<O> astream(I input, RunnableConfig config) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return Flux.defer(() -> Runs.astream(this.bound, input, config))
				.doOnNext((chunk) -> emitted.set(true))
				.retryWhen(retry(emitted));
		});
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
	public String getName() {
		return this.bound.getName();
	}

	@Override
	public RunType runType() {
		return this.bound.runType();
	}

	@Override
	public java.lang.reflect.Type inputType() {
		return this.bound.inputType();
	}

	@Override
	public List<ConfigurableFieldSpec> configSpecs() {
		return this.bound.configSpecs();
	}

	@Override
	public ObjectNode inputSchema() {
		return this.bound.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return this.bound.outputSchema();
	}

	@Override
	public ObjectNode outputSchema(ObjectNode inputSchema) {
		return this.bound.outputSchema(inputSchema);
	}

	@Override
	public Graph getGraph() {
		return this.bound.getGraph();
	}

}
