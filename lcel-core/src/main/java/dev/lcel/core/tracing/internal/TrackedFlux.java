package dev.lcel.core.tracing.internal;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A stream one run watches, in one operator: each chunk, the completion, an error and the
 * cancellation go to the run's {@link RunTracker}, where a chain of {@code doOnNext},
 * {@code doOnComplete}, {@code doOnError} and {@code doOnCancel} would pass every chunk through
 * four operators per run.
 *
 * @param <T> the chunk type
 */
final class TrackedFlux<T> extends FluxOperator<T, T> {

	/** What the run does with the signals of the stream it watches. */
	enum Role {

		/** The run's streamed input: each chunk is collected, the first starts the run. */
		INPUT,

		/** The run's output, each chunk reported to the handlers and collected; the end ends the run. */
		REPORTED_OUTPUT,

		/** The run's output, each chunk collected for the end event only; the end ends the run. */
		COLLECTED_OUTPUT,

		/** The run's output, whose chunks nobody reads; the end ends the run. */
		OUTPUT

	}

	private final RunTracker tracker;

	private final Role role;

	TrackedFlux(Flux<? extends T> source, RunTracker tracker, Role role) {
		super(source);
		this.tracker = tracker;
		this.role = role;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		this.source.subscribe(new TrackedSubscriber<>(actual, this.tracker, this.role));
	}

	private static final class TrackedSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

		private final CoreSubscriber<? super T> actual;

		private final RunTracker tracker;

		private final Role role;

		private final Context context;

		private @Nullable Subscription upstream;

		private boolean done;

		TrackedSubscriber(CoreSubscriber<? super T> actual, RunTracker tracker, Role role) {
			this.actual = actual;
			this.tracker = tracker;
			this.role = role;
			this.context = shareChunks(actual.currentContext(), tracker.collected(role == Role.INPUT));
		}

		/**
		 * Offer the chunks this run collects to the run downstream that collects the same stream, and
		 * tell the runs upstream that this one collects what they send.
		 */
		private static Context shareChunks(Context context, @Nullable CollectedChunks collected) {
			if (collected == null) {
				return context;
			}
			CollectedChunks consumer = context.getOrDefault(CollectedChunks.CONSUMER, null);
			if (consumer != null) {
				consumer.offer(collected);
			}
			return context.put(CollectedChunks.CONSUMER, collected);
		}

		@Override
		public Context currentContext() {
			return this.context;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T chunk) {
			if (this.done) {
				Operators.onNextDropped(chunk, this.actual.currentContext());
				return;
			}
			try {
				// An identity test per role rather than a switch: no table lookup per chunk.
				Role role = this.role;
				if (role == Role.REPORTED_OUTPUT) {
					this.tracker.stream(chunk);
				}
				else if (role == Role.INPUT) {
					this.tracker.inputChunk(chunk);
				}
				else if (role == Role.COLLECTED_OUTPUT) {
					this.tracker.collect(chunk);
				}
			}
			catch (Throwable ex) {
				// A handler that throws fails the run, as doOnNext would.
				onError(Operators.onOperatorError(this.upstream, ex, chunk, this.actual.currentContext()));
				return;
			}
			this.actual.onNext(chunk);
		}

		@Override
		public void onError(Throwable error) {
			if (this.done) {
				Operators.onErrorDropped(error, this.actual.currentContext());
				return;
			}
			this.done = true;
			if (this.role != Role.INPUT) {
				this.tracker.fail(error);
			}
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			if (this.done) {
				return;
			}
			this.done = true;
			if (this.role == Role.INPUT) {
				this.tracker.start(null);
			}
			else {
				this.tracker.complete();
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			if (this.role != Role.INPUT) {
				this.tracker.cancel();
			}
			this.upstream.cancel();
		}

		@Override
		public @Nullable Object scanUnsafe(Attr key) {
			if (key == Attr.PARENT) {
				return this.upstream;
			}
			if (key == Attr.ACTUAL) {
				return this.actual;
			}
			if (key == Attr.TERMINATED) {
				return this.done;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.SYNC;
			}
			return null;
		}

	}

}
