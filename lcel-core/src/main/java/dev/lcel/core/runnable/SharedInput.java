package dev.lcel.core.runnable;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

/**
 * One input stream read by several consumers (the branches of a parallel): every consumer sees
 * every chunk, however late it subscribes, and the input is subscribed to only once.
 *
 * <p>The input stays subscribed while any consumer may still need it, and is cancelled when the
 * combined output is cancelled or fails, so cancelling a parallel cancels the step that feeds it.
 */
final class SharedInput<T> {

	private final AtomicReference<Disposable> connection = new AtomicReference<>();

	private final Flux<T> chunks;

	SharedInput(Flux<T> source) {
		this.chunks = source.replay().autoConnect(1, this.connection::set);
	}

	Flux<T> chunks() {
		return this.chunks;
	}

	/**
	 * Return {@code output} that, unless it completes, also cancels the shared input.
	 */
	<R> Flux<R> releasing(Flux<R> output) {
		return output.doFinally((signal) -> {
			if (signal != SignalType.ON_COMPLETE) {
				Disposable current = this.connection.get();
				if (current != null) {
					current.dispose();
				}
			}
		});
	}

}
