package dev.lcel.core.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock of an event or log stream's handler, which puts the events of concurrent runs in one
 * order: reentrant (a subscriber may request or cancel from inside {@code onNext}), and taken with
 * one compare-and-set and released with a plain release store, where a monitor takes two atomic
 * instructions, for each of the events a chunk makes.
 *
 * <p>It is held only while an event is made and handed to the subscriber; a thread that finds it
 * held spins briefly and then yields until it is free, so it suits those short holds, not a
 * subscriber that blocks in {@code onNext} (which a Reactive Streams subscriber must not).
 */
final class EventLock {

	private static final int SPINS = 100;

	private static final VarHandle OWNER;

	static {
		try {
			OWNER = MethodHandles.lookup().findVarHandle(EventLock.class, "owner", Thread.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@SuppressWarnings("unused")
	private volatile Thread owner;

	/**
	 * Take the lock unless the calling thread holds it.
	 * @return {@code true} if it was taken (the caller then {@linkplain #unlock() releases} it),
	 * {@code false} if the calling thread held it already
	 */
	boolean lock() {
		Thread me = Thread.currentThread();
		if (OWNER.compareAndSet(this, null, me)) {
			return true;
		}
		if (OWNER.getOpaque(this) == me) {
			return false;
		}
		for (int spins = 0; !OWNER.compareAndSet(this, null, me); spins++) {
			if (spins < SPINS) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
		return true;
	}

	/**
	 * Release the lock taken by {@link #lock()}.
	 */
	void unlock() {
		OWNER.setRelease(this, null);
	}

}
