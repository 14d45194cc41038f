package dev.lcel.core.tracing.internal;

import java.util.ArrayDeque;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Operators;

/**
 * The subscription of an event or log stream: events its handler emits reach the subscriber
 * directly while it has demand, and wait in order while it has none.
 *
 * <p>Every method but {@link #request} and {@link #cancel} is called holding the handler's lock
 * (its methods are {@code synchronized}, as LangChain's rules for the order of events need), and
 * so are the subscriber's signals: the handler serialises its calls once, where a
 * {@code FluxSink} would serialise them again and pass each event through a queue and its
 * atomics. Cancelling disposes of the run outside the lock, so a run that reports its
 * cancellation to the handler cannot wait on itself.
 *
 * @param <T> the event type
 */
final class EventSink<T> implements Subscription {

	private final Subscriber<? super T> actual;

	private final Object lock;

	private final ArrayDeque<T> backlog = new ArrayDeque<>();

	private long requested;

	private boolean emitting;

	private boolean done;

	private @Nullable Throwable error;

	private volatile boolean cancelled;

	private volatile @Nullable Disposable run;

	EventSink(Subscriber<? super T> actual, Object lock) {
		this.actual = actual;
		this.lock = lock;
	}

	/**
	 * Set the run to dispose of when the subscriber cancels; disposed at once if it already has.
	 */
	void run(Disposable run) {
		this.run = run;
		if (this.cancelled) {
			run.dispose();
		}
	}

	/** Emit an event; the caller holds the lock. */
	void next(T event) {
		if (this.cancelled || this.done) {
			return;
		}
		if (!this.emitting && this.backlog.isEmpty() && this.requested > 0) {
			if (this.requested != Long.MAX_VALUE) {
				this.requested--;
			}
			this.emitting = true;
			try {
				this.actual.onNext(event);
			}
			finally {
				this.emitting = false;
			}
			if (!this.backlog.isEmpty() || this.done) {
				drain();
			}
			return;
		}
		this.backlog.add(event);
		drain();
	}

	/** End the stream once the events waiting have been delivered; the caller holds the lock. */
	void complete() {
		if (!this.done) {
			this.done = true;
			drain();
		}
	}

	/** Fail the stream once the events waiting have been delivered; the caller holds the lock. */
	void error(Throwable failure) {
		if (!this.done) {
			this.done = true;
			this.error = failure;
			drain();
		}
	}

	@Override
	public void request(long n) {
		if (!Operators.validate(n)) {
			return;
		}
		synchronized (this.lock) {
			this.requested = Operators.addCap(this.requested, n);
			drain();
		}
	}

	@Override
	public void cancel() {
		if (this.cancelled) {
			return;
		}
		this.cancelled = true;
		Disposable run = this.run;
		if (run != null) {
			run.dispose();
		}
		synchronized (this.lock) {
			this.backlog.clear();
		}
	}

	private void drain() {
		if (this.emitting) {
			// The subscriber asked for more, or the handler emitted, from inside onNext: the loop below
			// or the caller of onNext picks it up.
			return;
		}
		this.emitting = true;
		try {
			while (!this.cancelled && this.requested > 0 && !this.backlog.isEmpty()) {
				if (this.requested != Long.MAX_VALUE) {
					this.requested--;
				}
				this.actual.onNext(this.backlog.poll());
			}
			if (this.cancelled) {
				this.backlog.clear();
			}
			else if (this.done && this.backlog.isEmpty()) {
				this.cancelled = true;
				if (this.error != null) {
					this.actual.onError(this.error);
				}
				else {
					this.actual.onComplete();
				}
			}
		}
		finally {
			this.emitting = false;
		}
	}

}
