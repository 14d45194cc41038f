package dev.lcel.core.runnable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where work that may block runs: on the subscribing thread when that thread may block, and on
 * Reactor's bounded-elastic scheduler when it must not (a Netty event loop, a worker of Reactor's
 * parallel scheduler: the threads Reactor marks {@link reactor.core.scheduler.NonBlocking}).
 *
 * <p>The default {@link AbstractRunnable#doAinvoke} runs its synchronous work through it, as do
 * a {@link RunnableLambda}'s function and a tool's; a runnable of one's own whose asynchronous
 * form calls blocking code can do the same:
 * <pre class="code">
 * protected Mono&lt;String&gt; doAinvoke(String input, RunManager run) {
 *     return Offload.ifNonBlocking(Mono.fromCallable(() -&gt; this.client.lookup(input)));
 * }
 * </pre>
 */
public final class Offload {

	private Offload() {
	}

	/**
	 * Return work that is subscribed to on bounded elastic when it is subscribed to from a thread
	 * that must not block, and on the subscribing thread otherwise.
	 * @param <T> the type of the work's value
	 * @param work the work
	 * @return the same work, run where it may block
	 */
	public static <T> Mono<T> ifNonBlocking(Mono<T> work) {
		return Mono.defer(() -> Schedulers.isInNonBlockingThread() ? work.subscribeOn(Schedulers.boundedElastic()) : work);
	}

}
