package dev.lcel.benchmarks.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends the worst invalid request there is, over and over from a number of connections at once
 * (a closed loop, for a fixed time): a body (by default just under the 1 MiB limit) whose input is
 * a list that violates the chain's input schema in every element. What the server answers (statuses, the
 * largest answer) is counted; the server's heap and its other clients are measured beside it.
 */
final class AmplificationLoad {

	/** The default size of the invalid body: under the server's default 1 MiB limit. */
	static final int BODY_BYTES = 900_000;

	private final HttpClient client;

	private final String body;

	AmplificationLoad(HttpClient client, int bytes) {
		this.client = client;
		this.body = body(bytes);
	}

	/** A request whose input is a list of {@code {}}, none of them a message. */
	static String body(int bytes) {
		StringBuilder body = new StringBuilder(bytes + 16).append("{\"input\":[{}");
		while (body.length() < bytes - 4) {
			body.append(",{}");
		}
		return body.append("]}").toString();
	}

	/** What a run measured. */
	record Result(long requests, Map<Integer, Long> statuses, long largestAnswer, long requestBytes, Failures failures,
			Duration elapsed) {

	}

	/**
	 * Runs the load and blocks until it is over.
	 * @param path the chain's invoke endpoint
	 * @param connections requests in flight at once
	 * @param duration how long new requests are sent
	 * @return the measurements
	 */
	Result run(String path, int connections, Duration duration) {
		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		AtomicLong largest = new AtomicLong();
		AtomicLong requests = new AtomicLong();
		Failures failures = new Failures();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, connections)
			.flatMap((index) -> Mono.defer(() -> this.client.post()
				.uri(path)
				.send(ByteBufMono.fromString(Mono.just(this.body)))
				.responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0]).map((bytes) -> {
					statuses.computeIfAbsent(response.status().code(), (code) -> new LongAdder()).increment();
					largest.accumulateAndGet(bytes.length, Math::max);
					requests.incrementAndGet();
					return bytes.length;
				}))
				.timeout(Duration.ofSeconds(60))
				.onErrorResume((error) -> {
					failures.add(error);
					return Mono.empty();
				}))
				.repeat(() -> System.nanoTime() < deadline)
				.then(), connections)
			.blockLast(duration.plusSeconds(120));
		Map<Integer, Long> counts = new java.util.TreeMap<>();
		statuses.forEach((status, count) -> counts.put(status, count.sum()));
		return new Result(requests.get(), counts, largest.get(), this.body.length(), failures,
				Duration.ofNanos(System.nanoTime() - start));
	}

}
