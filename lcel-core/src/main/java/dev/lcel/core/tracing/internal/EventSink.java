package dev.lcel.core.tracing.internal;

import java.util.ArrayDeque;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunIds;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * The subscription of an event or log stream: events its handler emits reach the subscriber
 * directly while it has demand, and wait in order while it has none.
 *
 * <p>Every method but {@link #request} and {@link #cancel} is called holding the handler's
 * {@link EventLock} (LangChain's rules for the order of events need one), and so are the
 * subscriber's signals: the handler serialises its calls once, where a
 * {@code FluxSink} would serialise them again and pass each event through a queue and its
 * atomics. Cancelling disposes of the run outside the lock, so a run that reports its
 * cancellation to the handler cannot wait on itself.
 *
 * @param <T> the event type
 */
final class EventSink<T> implements Subscription {

	private final Subscriber<? super T> actual;

	private final EventLock lock;

	private final ArrayDeque<T> backlog = new ArrayDeque<>();

	private long requested;

	private boolean emitting;

	private boolean done;

	private @Nullable Throwable error;

	private volatile boolean cancelled;

	private volatile @Nullable Disposable run;

	EventSink(Subscriber<? super T> actual, EventLock lock) {
		this.actual = actual;
		this.lock = lock;
	}

	/**
	 * Return the stream of what a handler made for each subscriber emits while it watches a run
	 * of {@code runnable} on {@code input}, whose root has the config's run id or a new one; the
	 * handler also hears the root's output. Cancelling the stream cancels the run.
	 * @param <I> the input type
	 * @param <T> the event type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config of the run
	 * @param sources makes the handler, given the subscriber and the root's run id
	 * @return the events, lazily
	 */
	static <I, T> Flux<T> watch(Runnable<I, ?> runnable, I input, RunnableConfig config,
			BiFunction<Subscriber<? super T>, UUID, Source<T>> sources) {
		return Flux.from((Publisher<T>) (subscriber) -> {
			UUID root = (config.runId() != null) ? config.runId() : RunIds.next();
			Source<T> source = sources.apply(subscriber, root);
			RunnableConfig traced = config.toBuilder().runId(root).callbacks(source).build();
			subscriber.onSubscribe(source.sink());
			source.sink()
				.run(AbstractRunnable.<I, Object>coerce(runnable)
					.astream(input, traced)
					.subscribe(source::rootChunk, source::rootFailed, source::rootCompleted));
		});
	}

	/**
	 * A handler that turns a run into events for its sink, and hears the root's output.
	 * @param <T> the event type
	 */
	interface Source<T> extends CallbackHandler {

		/** Return the sink the events go to. */
		EventSink<T> sink();

		/** Take a chunk of the root's output, as it reaches the caller. */
		void rootChunk(Object chunk);

		/** End the events with the root's failure. */
		void rootFailed(Throwable error);

		/** End the events when the root has completed. */
		void rootCompleted();

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

	/** End the stream once the events waiting have been delivered, taking the lock. */
	void completeLocked() {
		this.lock.lock();
		try {
			complete();
		}
		finally {
			this.lock.unlock();
		}
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
		this.lock.lock();
		try {
			this.requested = Operators.addCap(this.requested, n);
			drain();
		}
		finally {
			this.lock.unlock();
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
		this.lock.lock();
		try {
			this.backlog.clear();
		}
		finally {
			this.lock.unlock();
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
