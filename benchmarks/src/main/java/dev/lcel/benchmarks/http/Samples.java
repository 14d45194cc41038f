package dev.lcel.benchmarks.http;

import java.time.Duration;
import java.util.Arrays;

/**
 * Durations recorded by many threads at once, for percentiles at the end of a run.
 *
 * <p>Every sample is kept (a load run records tens of thousands, not billions), so percentiles are
 * exact rather than bucketed. Thread-safe; {@link #percentile} sorts a copy.
 */
final class Samples {

	private long[] nanos = new long[1024];

	private int size;

	synchronized void add(long durationNanos) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
		}
		this.nanos[this.size++] = durationNanos;
	}

	/** Adds every sample of another run, so that rounds give one set of percentiles. */
	void addAll(Samples other) {
		long[] theirs;
		int count;
		synchronized (other) {
			theirs = other.nanos;
			count = other.size;
		}
		for (int i = 0; i < count; i++) {
			add(theirs[i]);
		}
	}

	synchronized int count() {
		return this.size;
	}

	/**
	 * The sample at or below which {@code percent} of the samples lie (nearest rank).
	 * @param percent between 0 and 100
	 * @return that sample, or {@link Duration#ZERO} when nothing was recorded
	 */
	Duration percentile(double percent) {
		long[] sorted;
		synchronized (this) {
			sorted = Arrays.copyOf(this.nanos, this.size);
		}
		if (sorted.length == 0) {
			return Duration.ZERO;
		}
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
	}

}
