package dev.lcel.core.governance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link RateLimitStore} in this JVM, for one instance. Its buckets are kept in a map bounded to
 * {@code maxBuckets}: past that, the least recently used bucket is forgotten (it counts as full).
 * Reservations are atomic under one lock that is held for a few arithmetic operations; nothing
 * blocks otherwise. Time comes from a {@link Scheduler}'s clock, so a test can run a limiter on
 * virtual time.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

	private final Map<String, Long> tats;

	private final @Nullable Scheduler clock;

	/**
	 * Create a store on the clock of Reactor's parallel scheduler (at the time of each call, so
	 * {@code StepVerifier.withVirtualTime} replaces it).
	 * @param maxBuckets the most buckets kept, positive
	 */
	public InMemoryRateLimitStore(int maxBuckets) {
		this(maxBuckets, null);
	}

	/**
	 * Create a store.
	 * @param maxBuckets the most buckets kept, positive
	 * @param clock the scheduler whose {@link Scheduler#now(TimeUnit) clock} the buckets refill by;
	 * {@code null} for Reactor's parallel scheduler at the time of each call
	 */
	public InMemoryRateLimitStore(int maxBuckets, @Nullable Scheduler clock) {
		if (maxBuckets <= 0) {
			throw new IllegalArgumentException("maxBuckets must be positive, was " + maxBuckets);
		}
		this.clock = clock;
		this.tats = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
				return size() > maxBuckets;
			}

		};
	}

	@Override
	public Mono<Reservation> reserve(List<Draw> draws, Duration maxWait) {
		Objects.requireNonNull(draws, "draws must not be null");
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		return Mono.fromSupplier(() -> reserveNow(draws, maxWait.toNanos()));
	}

	private synchronized Reservation reserveNow(List<Draw> draws, long maxWait) {
		long now = now();
		long worst = 0;
		int blocking = 0;
		for (int i = 0; i < draws.size(); i++) {
			Draw draw = draws.get(i);
			long wait = Gcra.wait(tat(draw.key(), now), now, draw.capacity(), draw.interval().toNanos(), draw.amount());
			if (wait > worst) {
				worst = wait;
				blocking = i;
			}
		}
		if (worst > maxWait) {
			return Reservation.refused(Duration.ofNanos(worst), blocking);
		}
		for (Draw draw : draws) {
			this.tats.put(draw.key(),
					Gcra.take(tat(draw.key(), now), now, draw.capacity(), draw.interval().toNanos(), draw.amount()));
		}
		return Reservation.granted(Duration.ofNanos(worst));
	}

	@Override
	public Mono<Void> correct(Draw draw) {
		Objects.requireNonNull(draw, "draw must not be null");
		return Mono.fromRunnable(() -> correctNow(draw));
	}

	private synchronized void correctNow(Draw draw) {
		long now = now();
		this.tats.put(draw.key(),
				Gcra.take(tat(draw.key(), now), now, draw.capacity(), draw.interval().toNanos(), draw.amount()));
	}

	private long now() {
		return ((this.clock != null) ? this.clock : Schedulers.parallel()).now(TimeUnit.NANOSECONDS);
	}

	private long tat(String key, long now) {
		Long tat = this.tats.get(key);
		return (tat != null) ? tat : now;
	}

}
