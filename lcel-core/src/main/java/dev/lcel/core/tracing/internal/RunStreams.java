package dev.lcel.core.tracing.internal;

import java.util.Objects;
import java.util.function.Consumer;

import dev.lcel.core.tracing.RunManager;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * Operators a runnable puts on the streams of its runs, done by the operator that already watches
 * the stream where there is one. Internal: used by the runnables of this library; not an API.
 */
public final class RunStreams {

	private RunStreams() {
	}

	/**
	 * Return {@code chunks} with {@code onError} called when they fail, as
	 * {@link Flux#doOnError(Consumer)} does. When the run is tracked and the stream is watched by
	 * a run's operator downstream (a sequence's step feeding the next step or the sequence's
	 * output), that operator calls it, between the runs upstream failing and those downstream, and
	 * the chunks pass one operator fewer.
	 * @param <T> the chunk type
	 * @param chunks the chunks
	 * @param run the run whose work the stream is
	 * @param onError what to do with the error
	 * @return the chunks
	 */
	public static <T> Flux<T> doOnError(Flux<T> chunks, RunManager run, Consumer<? super Throwable> onError) {
		Objects.requireNonNull(onError, "onError must not be null");
		if (!(run instanceof TrackedRunManager)) {
			return chunks.doOnError(onError);
		}
		return new ErrorHookFlux<>(chunks, onError);
	}

	/** Calls its hook from the tracked operator that subscribes to it, or through doOnError. */
	private static final class ErrorHookFlux<T> extends FluxOperator<T, T> {

		private final Consumer<? super Throwable> onError;

		ErrorHookFlux(Flux<? extends T> source, Consumer<? super Throwable> onError) {
			super(source);
			this.onError = onError;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			if (TrackedFlux.watchErrorsFirst(actual, this.onError)) {
				this.source.subscribe(actual);
				return;
			}
			Flux.<T>from(this.source).doOnError(this.onError).subscribe(actual);
		}

	}

}
