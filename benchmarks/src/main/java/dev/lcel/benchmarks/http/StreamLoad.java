package dev.lcel.benchmarks.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;

/**
 * Keeps a number of SSE streams open against one {@code /stream} endpoint for a while: each client
 * opens a stream, reads it to its {@code end} event, and opens the next, until the time is up
 * (a closed loop, so the number of open streams stays at the number of clients).
 *
 * <p>For every stream it records the time to the first {@code data} event and to the end of the
 * response, both from the moment the request was sent. A stream counts as failed when the status
 * is not 200, when it carries an {@code error} event, ends without {@code end}, or takes longer
 * than {@link #STREAM_TIMEOUT}.
 */
final class StreamLoad {

	static final Duration STREAM_TIMEOUT = Duration.ofSeconds(60);

	/** How long a client waits after a failure before it tries again, so failures cannot spin. */
	private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(100);

	private final HttpClient client;

	private final String path;

	private final String body;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peakOpen = new AtomicInteger();

	private final java.util.function.Supplier<SseProgress> progresses;

	StreamLoad(HttpClient client, String path, String body) {
		this(client, path, body, SseProgress::new);
	}

	/**
	 * Creates a load whose streams are followed by the given kind of progress: LangServe's
	 * ({@code SseProgress::new}) or OpenAI's ({@code SseProgress::openAi}).
	 */
	StreamLoad(HttpClient client, String path, String body, java.util.function.Supplier<SseProgress> progresses) {
		this.client = client;
		this.path = path;
		this.body = body;
		this.progresses = progresses;
	}

	/**
	 * What a run measured.
	 * @param completed streams read to their {@code end} event
	 * @param failures streams that failed, by kind
	 * @param firstChunk time to the first {@code data} event, every stream
	 * @param total time to the end of the response, every stream
	 * @param steadyFirstChunk time to the first {@code data} event of the streams opened after the
	 * ramp, on connections that were already open: the steady state, without connection set-up
	 * @param peakOpen the most streams open at once
	 * @param elapsed from the first request to the end of the last stream
	 */
	record Result(long completed, Failures failures, Samples firstChunk, Samples total, Samples steadyFirstChunk,
			int peakOpen, Duration elapsed) {
	}

	/**
	 * Runs the load and blocks until every stream started in time has finished.
	 * @param clients how many streams are open at once
	 * @param duration how long new streams are started, counted from the first
	 * @param ramp over how long the clients make their first request
	 * @return the measurements
	 */
	Result run(int clients, Duration duration, Duration ramp) {
		Samples firstChunk = new Samples();
		Samples total = new Samples();
		Samples steadyFirstChunk = new Samples();
		Failures failures = new Failures();
		AtomicLong completed = new AtomicLong();
		this.peakOpen.set(0);
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		long steady = start + ramp.toNanos();
		Flux.range(0, clients)
			.flatMap((index) -> Mono.delay(ramp.multipliedBy(index).dividedBy(clients))
				.then(stream(firstChunk, total, failures, completed, steady, steadyFirstChunk).repeat(() -> System.nanoTime() < deadline).then()),
					clients)
			.blockLast(duration.plus(STREAM_TIMEOUT).plusSeconds(30));
		return new Result(completed.get(), failures, firstChunk, total, steadyFirstChunk, this.peakOpen.get(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	/** How many streams are open at this moment. */
	int open() {
		return this.open.get();
	}

	private Mono<Void> stream(Samples firstChunk, Samples total, Failures failures, AtomicLong completed, long steady,
			Samples steadyFirstChunk) {
		return Mono.defer(() -> {
			long sent = System.nanoTime();
			SseProgress progress = this.progresses.get();
			this.peakOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			return this.client.post()
				.uri(this.path)
				.send(ByteBufMono.fromString(Mono.just(this.body)))
				.response((response, content) -> (response.status().code() != 200)
						? Mono.error(new IllegalStateException("status " + response.status().code()))
						: content.doOnNext((buffer) -> progress.feed(buffer, System.nanoTime())).then())
				.then(Mono.fromRunnable(() -> {
					if (!progress.succeeded()) {
						throw new IllegalStateException("stream without data or end event, or with an error event");
					}
					long now = System.nanoTime();
					firstChunk.add(progress.firstDataNanos() - sent);
					if (sent > steady) {
						steadyFirstChunk.add(progress.firstDataNanos() - sent);
					}
					total.add(now - sent);
					completed.incrementAndGet();
				}))
				.timeout(STREAM_TIMEOUT)
				.onErrorResume((error) -> {
					failures.add(error);
					return Mono.delay(PAUSE_AFTER_FAILURE).then();
				})
				// Before completion reaches the repeat, which opens the client's next stream at once.
				.doOnTerminate(this.open::decrementAndGet)
				.doOnCancel(this.open::decrementAndGet)
				.then();
		});
	}

}
