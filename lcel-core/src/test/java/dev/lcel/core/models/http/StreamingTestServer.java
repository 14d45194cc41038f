package dev.lcel.core.models.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An HTTP server for tests that streams frames at an interval without end (or breaks the connection
 * after some), and records when the client's connection closed: what WireMock cannot do.
 */
final class StreamingTestServer implements AutoCloseable {

	private final DisposableServer server;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final AtomicLong closedAt = new AtomicLong();

	private final AtomicInteger framesSent = new AtomicInteger();

	/**
	 * Start a server.
	 * @param contentType the response's content type
	 * @param frame the text of frame {@code i}
	 * @param interval the pause before each frame
	 * @param breakAfter the frames after which the connection is broken off, or -1 for never
	 */
	StreamingTestServer(String contentType, IntFunction<String> frame, Duration interval, int breakAfter) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			request.withConnection((connection) -> connection.onDispose(() -> {
				this.closedAt.set(System.nanoTime());
				this.closed.countDown();
			}));
			Flux<String> frames = Flux.interval(interval)
				.map((i) -> frame.apply(i.intValue()))
				.doOnNext((text) -> this.framesSent.incrementAndGet());
			if (breakAfter >= 0) {
				frames = frames.take(breakAfter).concatWith(Flux.error(new IllegalStateException("connection broken off")));
			}
			return response.header("Content-Type", contentType).sendString(frames).then();
		}).bindNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Wait for the client's connection to close.
	 * @param timeout the longest wait
	 * @return the time it closed, in {@link System#nanoTime()} units, or -1 if it did not
	 */
	long awaitClosed(Duration timeout) throws InterruptedException {
		return this.closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.closedAt.get() : -1;
	}

	int framesSent() {
		return this.framesSent.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
