package dev.lcel.core.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * The lock of an event or log stream's handler, which puts the events of concurrent runs in one
 * order, taken for each of the events a chunk makes: reentrant (a subscriber may request or cancel
 * from inside {@code onNext}), taken with one compare-and-set and released with a release store,
 * where {@link java.util.concurrent.locks.ReentrantLock} releases with a second fenced write.
 *
 * <p>A thread that finds it held spins briefly, then parks for a time that doubles up to
 * {@value #MAX_PARK_NANOS} ns and tries again. The thread that releases the lock wakes a parked
 * one; since the release is not fenced, it may miss a thread that was just going to park, which
 * then waits out its park: a hand-off costs at most that much time, and a thread waiting while a
 * subscriber works long in {@code onNext} costs next to no CPU.
 */
final class EventLock {

	/** Spins before a contended thread parks. */
	private static final int SPINS = 64;

	private static final long MIN_PARK_NANOS = 1_000;

	static final long MAX_PARK_NANOS = 1_000_000;

	private static final VarHandle OWNER;

	static {
		try {
			OWNER = MethodHandles.lookup().findVarHandle(EventLock.class, "owner", Thread.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private volatile @Nullable Thread owner;

	/** How many more times the owner took the lock while holding it; read and written by the owner only. */
	private int holds;

	/** A thread parked waiting for the lock, woken by the next release; any one of them if several. */
	private volatile @Nullable Thread parked;

	/** Take the lock, waiting while another thread holds it. */
	void lock() {
		Thread me = Thread.currentThread();
		if (OWNER.compareAndSet(this, null, me)) {
			return;
		}
		if (this.owner == me) {
			this.holds++;
			return;
		}
		contended(me);
	}

	private void contended(Thread me) {
		for (int spins = 0; spins < SPINS; spins++) {
			Thread.onSpinWait();
			if (this.owner == null && OWNER.compareAndSet(this, null, me)) {
				return;
			}
		}
		long park = MIN_PARK_NANOS;
		while (!OWNER.compareAndSet(this, null, me)) {
			this.parked = me;
			if (this.owner != null) {
				LockSupport.parkNanos(this, park);
				park = Math.min(2 * park, MAX_PARK_NANOS);
			}
		}
	}

	/** Release the lock taken by the calling thread with {@link #lock()}. */
	void unlock() {
		if (this.holds > 0) {
			this.holds--;
			return;
		}
		OWNER.setRelease(this, null);
		Thread parked = this.parked;
		if (parked != null) {
			this.parked = null;
			LockSupport.unpark(parked);
		}
	}

}
