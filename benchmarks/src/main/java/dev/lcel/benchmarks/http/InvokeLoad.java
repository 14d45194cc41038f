package dev.lcel.benchmarks.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;

/**
 * Measures request throughput of one JSON endpoint: a number of connections each send the next
 * POST as soon as the previous response has been read (a closed loop), for a fixed time.
 *
 * <p>Used when {@code wrk} is not installed; {@code benchmarks/load.sh} prefers {@code wrk}, which
 * takes less of the CPU that client and server share on one machine.
 */
final class InvokeLoad {

	private final HttpClient client;

	private final String body;

	InvokeLoad(HttpClient client, String body) {
		this.client = client;
		this.body = body;
	}

	/** What a run measured. */
	record Result(long completed, Failures failures, Samples latency, Duration elapsed) {

		double perSecond() {
			return this.completed / (this.elapsed.toNanos() / 1e9);
		}

	}

	/**
	 * Runs the load and blocks until it is over.
	 * @param path the endpoint
	 * @param connections requests in flight at once
	 * @param duration how long new requests are sent
	 * @return the measurements
	 */
	Result run(String path, int connections, Duration duration) {
		Samples latency = new Samples();
		Failures failures = new Failures();
		AtomicLong completed = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, connections)
			.flatMap((index) -> request(path, latency, failures, completed).repeat(() -> System.nanoTime() < deadline)
				.then(), connections)
			.blockLast(duration.plusSeconds(60));
		return new Result(completed.get(), failures, latency, Duration.ofNanos(System.nanoTime() - start));
	}

	private Mono<Void> request(String path, Samples latency, Failures failures, AtomicLong completed) {
		return Mono.defer(() -> {
			long sent = System.nanoTime();
			return this.client.post()
				.uri(path)
				.send(ByteBufMono.fromString(Mono.just(this.body)))
				.responseSingle((response, content) -> content.asString().defaultIfEmpty("").map((text) -> {
					if (response.status().code() != 200) {
						throw new IllegalStateException("status " + response.status().code());
					}
					return text;
				}))
				.doOnNext((text) -> {
					latency.add(System.nanoTime() - sent);
					completed.incrementAndGet();
				})
				.timeout(Duration.ofSeconds(30))
				.onErrorResume((error) -> {
					failures.add(error);
					return Mono.empty();
				})
				.then();
		});
	}

}
