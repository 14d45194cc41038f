package dev.lcel.core.tracing.internal;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A stream one run watches, in one operator: each chunk, the completion, an error and the
 * cancellation go to the run's {@link RunTracker}, where a chain of {@code doOnNext},
 * {@code doOnComplete}, {@code doOnError} and {@code doOnCancel} would pass every chunk through
 * four operators per run. Where one run's tracked stream is subscribed to by another's, a single
 * operator watches both, and calls the error hooks a runnable put between them
 * ({@link RunStreams#doOnError}); a run's own reported chunks ({@link Role#REPORTED}) under its
 * collected output make one role.
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
		OUTPUT,

		/**
		 * Chunks the run reports as they pass (a chat model's tokens), whose end is not the run's:
		 * under the run's own {@link #COLLECTED_OUTPUT} the two make one {@link #REPORTED_OUTPUT}.
		 */
		REPORTED,

		/**
		 * Not a run's: what a runnable does when the stream fails at this point
		 * ({@link RunStreams#doOnError}), between the runs upstream failing and those downstream.
		 */
		ERROR_HOOK

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
		if (actual instanceof TrackedSubscriber<?> downstream && downstream.watchFirst(this.tracker, this.role)) {
			// This run's stream feeds the next run's directly: one operator watches both.
			this.source.subscribe(actual);
			return;
		}
		this.source.subscribe(new TrackedSubscriber<>(actual, this.tracker, this.role));
	}

	/**
	 * Let the tracked operator {@code actual}, if it is one, call {@code hook} when the stream it is
	 * about to subscribe to fails, upstream of the runs it watches.
	 * @return whether it will
	 */
	static boolean watchErrorsFirst(CoreSubscriber<?> actual, Consumer<? super Throwable> hook) {
		return actual instanceof TrackedSubscriber<?> downstream && downstream.watchErrorsFirst(hook);
	}

	/**
	 * Watches a stream for one run or more, in one operator: where a run's tracked stream is
	 * subscribed to by another run's tracked stream (a model's output is its parser's input, a
	 * parser's output its sequence's), the later one takes on the earlier run before its upstream
	 * is subscribed, and does each run's work for a signal in the order separate operators would
	 * have done it: a chunk, the completion and an error upstream run first, a cancellation
	 * downstream run first. One operator hop per chunk is saved for each run taken on.
	 */
	private static final class TrackedSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

		private final CoreSubscriber<? super T> actual;

		/** The runs watched, upstream first; replaced, never changed, before the upstream is subscribed. */
		private RunTracker[] trackers;

		private Role[] roles;

		/** For each {@link Role#ERROR_HOOK}, what it does with the error; {@code null} for the runs. */
		private @Nullable Consumer<? super Throwable>[] hooks;

		private Context context;

		private @Nullable Subscription upstream;

		private boolean done;

		TrackedSubscriber(CoreSubscriber<? super T> actual, RunTracker tracker, Role role) {
			this.actual = actual;
			this.trackers = new RunTracker[] { tracker };
			this.roles = new Role[] { role };
			this.hooks = hooks(1);
			this.context = (role != Role.REPORTED)
					? shareChunks(actual.currentContext(), tracker.collected(role == Role.INPUT)) : actual.currentContext();
		}

		/**
		 * Take on the run of the stream this one is about to subscribe to, upstream of the runs it
		 * watches; return {@code false} once the upstream is subscribed.
		 */
		boolean watchFirst(RunTracker tracker, Role role) {
			if (this.upstream != null) {
				return false;
			}
			if (role == Role.REPORTED && tracker == this.trackers[0] && this.roles[0] == Role.COLLECTED_OUTPUT) {
				// The chunks a run reports are its own output, which this operator collects: one role.
				Role[] roles = this.roles.clone();
				roles[0] = Role.REPORTED_OUTPUT;
				this.roles = roles;
				return true;
			}
			prepend(tracker, role, null);
			if (role != Role.REPORTED) {
				this.context = shareChunks(this.context, tracker.collected(role == Role.INPUT));
			}
			return true;
		}

		/**
		 * Take on what a runnable does when the stream fails at the point upstream of the runs this
		 * one watches; return {@code false} once the upstream is subscribed.
		 */
		boolean watchErrorsFirst(Consumer<? super Throwable> hook) {
			if (this.upstream != null) {
				return false;
			}
			prepend(null, Role.ERROR_HOOK, hook);
			return true;
		}

		private void prepend(@Nullable RunTracker tracker, Role role, @Nullable Consumer<? super Throwable> hook) {
			int count = this.trackers.length;
			RunTracker[] trackers = new RunTracker[count + 1];
			Role[] roles = new Role[count + 1];
			Consumer<? super Throwable>[] hooks = hooks(count + 1);
			trackers[0] = tracker;
			roles[0] = role;
			hooks[0] = hook;
			System.arraycopy(this.trackers, 0, trackers, 1, count);
			System.arraycopy(this.roles, 0, roles, 1, count);
			System.arraycopy(this.hooks, 0, hooks, 1, count);
			this.trackers = trackers;
			this.roles = roles;
			this.hooks = hooks;
		}

		@SuppressWarnings("unchecked")
		private static Consumer<? super Throwable>[] hooks(int count) {
			return new Consumer[count];
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
			RunTracker[] trackers = this.trackers;
			Role[] roles = this.roles;
			for (int i = 0; i < trackers.length; i++) {
				try {
					// An identity test per role rather than a switch: no table lookup per chunk.
					Role role = roles[i];
					if (role == Role.REPORTED_OUTPUT) {
						trackers[i].stream(chunk);
					}
					else if (role == Role.INPUT) {
						trackers[i].inputChunk(chunk);
					}
					else if (role == Role.COLLECTED_OUTPUT) {
						trackers[i].collect(chunk);
					}
					else if (role == Role.REPORTED) {
						trackers[i].report(chunk);
					}
				}
				catch (Throwable ex) {
					failAt(i, ex, chunk);
					return;
				}
			}
			this.actual.onNext(chunk);
		}

		/**
		 * A handler of run {@code at} threw on a chunk: it fails that run and those downstream, as
		 * {@code doOnNext} would, and cancels the runs upstream, as its cancelling the upstream would.
		 */
		private void failAt(int at, Throwable ex, T chunk) {
			Exceptions.throwIfFatal(ex);
			for (int i = at - 1; i >= 0; i--) {
				if (ends(this.roles[i])) {
					this.trackers[i].cancel();
				}
			}
			this.upstream.cancel();
			Throwable error = Operators.onOperatorError(null, ex, chunk, this.actual.currentContext());
			this.done = true;
			this.actual.onError(failFrom(at, error));
		}

		/**
		 * Fail the runs from {@code from} on, passing the error through the hooks between them as
		 * {@code doOnError} would (a hook that throws replaces the error for those after it).
		 */
		private Throwable failFrom(int from, Throwable error) {
			for (int i = from; i < this.trackers.length; i++) {
				Role role = this.roles[i];
				if (role == Role.ERROR_HOOK) {
					try {
						this.hooks[i].accept(error);
					}
					catch (Throwable ex) {
						error = Operators.onOperatorError(null, ex, error, this.actual.currentContext());
					}
				}
				else if (ends(role)) {
					this.trackers[i].fail(error);
				}
			}
			return error;
		}

		@Override
		public void onError(Throwable error) {
			if (this.done) {
				Operators.onErrorDropped(error, this.actual.currentContext());
				return;
			}
			this.done = true;
			this.actual.onError(failFrom(0, error));
		}

		@Override
		public void onComplete() {
			if (this.done) {
				return;
			}
			this.done = true;
			for (int i = 0; i < this.trackers.length; i++) {
				if (this.roles[i] == Role.INPUT) {
					this.trackers[i].start(null);
				}
				else if (ends(this.roles[i])) {
					this.trackers[i].complete();
				}
			}
			this.actual.onComplete();
		}

		/** Return whether the end of the stream watched in {@code role} ends the run. */
		private static boolean ends(Role role) {
			return role == Role.REPORTED_OUTPUT || role == Role.COLLECTED_OUTPUT || role == Role.OUTPUT;
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			for (int i = this.trackers.length - 1; i >= 0; i--) {
				if (ends(this.roles[i])) {
					this.trackers[i].cancel();
				}
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
