package dev.lcel.core.runnable;

import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Waits for a {@link Mono} on the calling thread and rethrows its failure exactly as it was
 * raised: Reactor wraps checked exceptions when blocking, and callers of a runnable must see the
 * exception their code threw.
 */
final class Blocking {

	private Blocking() {
	}

	static <T> T await(Mono<T> mono) {
		try {
			return mono.block();
		}
		catch (RuntimeException ex) {
			throw rethrow(Exceptions.unwrap(ex));
		}
	}

	/**
	 * Throw any throwable, checked or not, without wrapping it.
	 * @param throwable the throwable to throw
	 * @return never returns; declared so callers can write {@code throw rethrow(ex)}
	 */
	static RuntimeException rethrow(Throwable throwable) {
		throw Blocking.<RuntimeException>sneaky(throwable);
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E sneaky(Throwable throwable) throws E {
		throw (E) throwable;
	}

}
