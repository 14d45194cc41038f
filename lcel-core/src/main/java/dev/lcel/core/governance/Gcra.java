package dev.lcel.core.governance;

/**
 * The arithmetic of a bucket as the generic cell rate algorithm keeps it: one number per bucket,
 * its theoretical arrival time ({@code tat}), the moment at which the bucket is full again. Taking
 * {@code n} units moves it {@code n} emission intervals ({@code interval / capacity}) later; a draw
 * may start once the bucket holds its units (or is full, for a draw larger than the bucket, which
 * then leaves the bucket in debt). Times are in any one unit (nanoseconds here, microseconds in the
 * Redis script, which does the same arithmetic in Lua).
 */
final class Gcra {

	private Gcra() {
	}

	/** How long a draw of {@code amount} must wait, given the bucket's {@code tat}. */
	static long wait(long tat, long now, long capacity, long interval, long amount) {
		double emission = (double) interval / capacity;
		long base = Math.max(tat, now);
		long needed = (long) Math.ceil(Math.min(amount, capacity) * emission);
		return Math.max(0, base + needed - interval - now);
	}

	/** The bucket's {@code tat} after taking {@code amount} units (negative: giving them back). */
	static long take(long tat, long now, long capacity, long interval, long amount) {
		double emission = (double) interval / capacity;
		if (amount >= 0) {
			return Math.max(tat, now) + (long) Math.ceil(amount * emission);
		}
		return (tat <= now) ? tat : Math.max(now, tat + (long) Math.floor(amount * emission));
	}

}
