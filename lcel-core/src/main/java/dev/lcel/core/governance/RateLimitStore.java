package dev.lcel.core.governance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * Where the state of rate limits lives: one bucket per limit and dimension, each a budget of
 * {@code capacity} units refilled evenly over its {@code interval}. {@link InMemoryRateLimitStore}
 * serves one instance; a shared store (Redis) lets a fleet of instances spend one budget.
 *
 * <p>A store works by reservation: {@link #reserve} takes the units from every bucket of a call at
 * once, possibly ahead of time, and answers how long the caller must wait until they are its to
 * use. A store must make each reservation atomic (no other reservation sees the buckets half
 * updated) and need not keep a bucket that is full again.
 */
public interface RateLimitStore {

	/**
	 * Reserve units from several buckets at once, if every one of them can grant its units within
	 * {@code maxWait}; otherwise change nothing.
	 * @param draws the units to take, one per bucket (distinct keys)
	 * @param maxWait the longest wait the caller accepts
	 * @return the reservation, lazily
	 */
	Mono<Reservation> reserve(List<Draw> draws, Duration maxWait);

	/**
	 * Add units to a bucket's spending after the fact (a negative amount gives units back): how
	 * the reported usage of a call corrects its estimate, and how a cancelled wait returns its
	 * reservation. A bucket never holds more than its capacity.
	 * @param draw the bucket and the units to add
	 * @return completes when recorded
	 */
	Mono<Void> correct(Draw draw);

	/**
	 * Units taken from one bucket.
	 *
	 * @param key the bucket's key, unique per limit and dimension
	 * @param capacity the bucket's size: the units per interval, positive
	 * @param interval the time in which an empty bucket fills up, positive
	 * @param amount the units to take, not negative (negative only in {@link #correct})
	 */
	record Draw(String key, long capacity, Duration interval, long amount) {

		/**
		 * Create a draw, checking it.
		 * @throws IllegalArgumentException if the capacity or the interval is not positive
		 */
		public Draw {
			Objects.requireNonNull(key, "key must not be null");
			Objects.requireNonNull(interval, "interval must not be null");
			if (capacity <= 0 || interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("Bucket '" + key + "' needs a positive capacity and interval, has "
						+ capacity + " per " + interval);
			}
		}

		/**
		 * Return this draw with another amount.
		 * @param amount the units
		 * @return the draw
		 */
		public Draw withAmount(long amount) {
			return new Draw(this.key, this.capacity, this.interval, amount);
		}

	}

	/**
	 * The answer to a reservation.
	 *
	 * @param granted whether the units were taken
	 * @param delay when granted, how long until they may be used; otherwise how long until they
	 * could be granted without waiting longer than {@code maxWait}
	 * @param blocking when refused, the index of the draw that needed the longest wait; 0 otherwise
	 */
	record Reservation(boolean granted, Duration delay, int blocking) {

		/**
		 * Return a granted reservation.
		 * @param wait how long until the units may be used
		 * @return the reservation
		 */
		public static Reservation granted(Duration wait) {
			return new Reservation(true, wait, 0);
		}

		/**
		 * Return a refused reservation.
		 * @param retryAfter how long until the units could be granted at once
		 * @param blocking the index of the draw that needs the longest wait
		 * @return the reservation
		 */
		public static Reservation refused(Duration retryAfter, int blocking) {
			return new Reservation(false, retryAfter, blocking);
		}

	}

}
