package dev.lcel.core.tools;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where a tool's work that may block runs: on the subscribing thread when that thread may block,
 * on Reactor's bounded elastic scheduler when it must not (an event loop, a parallel worker).
 */
final class Offload {

	private Offload() {
	}

	static <T> Mono<T> ifNonBlocking(Mono<T> work) {
		return Mono.defer(() -> Schedulers.isInNonBlockingThread() ? work.subscribeOn(Schedulers.boundedElastic()) : work);
	}

}
