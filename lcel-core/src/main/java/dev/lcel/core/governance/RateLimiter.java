package dev.lcel.core.governance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.BaseMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Limits model calls to the budgets of one or more {@link RateLimit}s at once (a model's own and
 * the global one, say), in requests and in tokens per interval, kept in a {@link RateLimitStore}.
 *
 * <p>{@link #acquire(long)} reserves one request and the call's estimated tokens from every limit
 * in one atomic step. When the budgets allow the call within {@code maxWait}, the returned
 * {@code Mono} emits a {@link Permit} after that wait, on a Reactor timer (never a sleeping
 * thread); otherwise it fails at once with a {@link RateLimitExceededException} naming the limit
 * that was short and the wait it would have needed, and nothing is counted. A {@code maxWait} of
 * zero fails fast. Calls that wait are granted in the order they reserved. Cancelling during the
 * wait gives the reservation back.
 *
 * <p>As a {@link ModelCallGate} it estimates a call's input tokens with its {@link TokenEstimator}
 * and, when the call ends, corrects the tokens counted by the call's reported usage (input and
 * output); a call without reported usage keeps its estimate.
 */
public final class RateLimiter implements ModelCallGate {

	private final List<RateLimit> limits;

	private final RateLimitStore store;

	private final String keyPrefix;

	private final Duration maxWait;

	private final TokenEstimator estimator;

	private final RateLimitListener listener;

	private final @Nullable Scheduler timer;

	private RateLimiter(Builder builder) {
		this.limits = List.copyOf(builder.limits);
		this.store = builder.store;
		this.keyPrefix = builder.keyPrefix;
		this.maxWait = builder.maxWait;
		this.estimator = builder.estimator;
		this.listener = builder.listener;
		this.timer = builder.timer;
	}

	/**
	 * Return a builder of a limiter over the given store.
	 * @param store where the limits' state lives
	 * @return the builder
	 */
	public static Builder builder(RateLimitStore store) {
		return new Builder(store);
	}

	/**
	 * Return the limits this limiter applies.
	 * @return the limits
	 */
	public List<RateLimit> limits() {
		return this.limits;
	}

	/**
	 * Reserve one call of the given tokens from every limit, waiting at most {@code maxWait}.
	 * @param tokens the call's estimated tokens, not negative
	 * @return the permit, emitted when the call may start; or a {@link RateLimitExceededException}
	 */
	public Mono<Permit> acquire(long tokens) {
		if (tokens < 0) {
			throw new IllegalArgumentException("tokens must not be negative, was " + tokens);
		}
		List<Slot> slots = slots(tokens);
		if (slots.isEmpty()) {
			return Mono.just(new Permit(slots, tokens));
		}
		List<RateLimitStore.Draw> draws = slots.stream().map(Slot::draw).toList();
		return this.store.reserve(draws, this.maxWait).flatMap((reservation) -> {
			if (!reservation.granted()) {
				Slot blocking = slots.get(reservation.blocking());
				this.listener.rejected(blocking.limit(), blocking.dimension());
				return Mono.error(new RateLimitExceededException(blocking.limit(), blocking.dimension(), reservation.delay()));
			}
			Permit permit = new Permit(slots, tokens);
			this.limits.stream().filter(RateLimit::limits)
				.forEach((limit) -> this.listener.granted(limit, tokens, reservation.delay()));
			if (reservation.delay().isZero()) {
				return Mono.just(permit);
			}
			return Mono.delay(reservation.delay(), (this.timer != null) ? this.timer : Schedulers.parallel())
				.thenReturn(permit)
				.doOnCancel(() -> permit.giveBack().subscribe());
		});
	}

	@Override
	public Mono<Admission> admit(List<BaseMessage> messages, RunnableConfig config) {
		return Mono.defer(() -> acquire(this.estimator.estimate(messages)))
			.map((permit) -> (usage) -> permit.settle((usage != null) ? usage.totalTokens() : permit.tokens()));
	}

	private List<Slot> slots(long tokens) {
		List<Slot> slots = new ArrayList<>(this.limits.size() * 2);
		for (RateLimit limit : this.limits) {
			if (limit.requestsPerInterval() > 0) {
				slots.add(new Slot(limit, RateLimit.Dimension.REQUESTS, new RateLimitStore.Draw(
						this.keyPrefix + limit.name() + ":requests", limit.requestsPerInterval(), limit.interval(), 1)));
			}
			if (limit.tokensPerInterval() > 0) {
				slots.add(new Slot(limit, RateLimit.Dimension.TOKENS, new RateLimitStore.Draw(
						this.keyPrefix + limit.name() + ":tokens", limit.tokensPerInterval(), limit.interval(), tokens)));
			}
		}
		return slots;
	}

	/** One bucket of a call: a limit's requests or tokens. */
	private record Slot(RateLimit limit, RateLimit.Dimension dimension, RateLimitStore.Draw draw) {
	}

	/**
	 * A granted call: the units it took from every limit.
	 */
	public final class Permit {

		private final List<Slot> slots;

		private final long tokens;

		private Permit(List<Slot> slots, long tokens) {
			this.slots = slots;
			this.tokens = tokens;
		}

		/**
		 * Return the tokens the call was granted for.
		 * @return the estimate it was acquired with
		 */
		public long tokens() {
			return this.tokens;
		}

		/**
		 * Correct the tokens counted for the call to what it really spent.
		 * @param actualTokens the call's tokens, input and output, as the provider reported them
		 * @return completes when every limit is corrected
		 */
		public Mono<Void> settle(long actualTokens) {
			long delta = actualTokens - this.tokens;
			if (delta == 0) {
				return Mono.empty();
			}
			return Mono.when(this.slots.stream()
				.filter((slot) -> slot.dimension() == RateLimit.Dimension.TOKENS)
				.map((slot) -> RateLimiter.this.store.correct(slot.draw().withAmount(delta))
					.doOnSuccess((done) -> RateLimiter.this.listener.corrected(slot.limit(), delta)))
				.toList());
		}

		private Mono<Void> giveBack() {
			return Mono.when(this.slots.stream()
				.map((slot) -> RateLimiter.this.store.correct(slot.draw().withAmount(-slot.draw().amount())))
				.toList()).onErrorComplete();
		}

	}

	/**
	 * Builds a {@link RateLimiter}.
	 */
	public static final class Builder {

		private final RateLimitStore store;

		private final List<RateLimit> limits = new ArrayList<>();

		private String keyPrefix = "";

		private Duration maxWait = Duration.ZERO;

		private TokenEstimator estimator = TokenEstimator.CHARACTERS_OVER_FOUR;

		private RateLimitListener listener = RateLimitListener.NONE;

		private @Nullable Scheduler timer;

		private Builder(RateLimitStore store) {
			this.store = Objects.requireNonNull(store, "store must not be null");
		}

		/**
		 * Add a limit; a call must fit every limit added.
		 * @param limit the limit
		 * @return this builder
		 */
		public Builder limit(RateLimit limit) {
			Objects.requireNonNull(limit, "limit must not be null");
			if (this.limits.stream().anyMatch((added) -> added.name().equals(limit.name()))) {
				throw new IllegalArgumentException("Rate limit '" + limit.name() + "' is added twice");
			}
			this.limits.add(limit);
			return this;
		}

		/**
		 * Set what the keys of this limiter's buckets in the store start with (the store may add
		 * its own prefix); by default nothing.
		 * @param keyPrefix the prefix
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
			return this;
		}

		/**
		 * Set the longest a call waits for its budget before it is refused; zero (the default)
		 * refuses a call at once when the budget is short.
		 * @param maxWait the wait, not negative
		 * @return this builder
		 */
		public Builder maxWait(Duration maxWait) {
			Objects.requireNonNull(maxWait, "maxWait must not be null");
			if (maxWait.isNegative()) {
				throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
			}
			this.maxWait = maxWait;
			return this;
		}

		/**
		 * Set how a call's input tokens are estimated; by default
		 * {@link TokenEstimator#CHARACTERS_OVER_FOUR}.
		 * @param estimator the estimator
		 * @return this builder
		 */
		public Builder estimator(TokenEstimator estimator) {
			this.estimator = Objects.requireNonNull(estimator, "estimator must not be null");
			return this;
		}

		/**
		 * Set who learns the limiter's decisions; by default no one.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(RateLimitListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * Set the scheduler whose timer waits run on; by default Reactor's parallel scheduler at the
		 * time of each wait (which {@code StepVerifier.withVirtualTime} replaces).
		 * @param timer the scheduler
		 * @return this builder
		 */
		public Builder timer(Scheduler timer) {
			this.timer = Objects.requireNonNull(timer, "timer must not be null");
			return this;
		}

		/**
		 * Build the limiter.
		 * @return the limiter
		 */
		public RateLimiter build() {
			return new RateLimiter(this);
		}

	}

}
