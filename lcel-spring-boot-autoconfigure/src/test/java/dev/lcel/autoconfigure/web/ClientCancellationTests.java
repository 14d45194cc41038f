package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.lcel.autoconfigure.support.RecordedRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A client that goes away in the middle of {@code /stream}: the request to the model provider is
 * closed at once (seen closed by the provider within 100 ms, the median of three tries), and the
 * chain's observation ends as cancelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = ClientCancellationTests.Server.class,
		properties = { "lcel.chains.endless.steps[0].model=endless", "lcel.chains.endless.steps[1].parser=str",
				"lcel.models.endless.provider=openai", "lcel.models.endless.model=endless",
				"lcel.models.endless.retry.max-attempts=1" })
class ClientCancellationTests {

	private static final AtomicReference<CountDownLatch> closed = new AtomicReference<>(new CountDownLatch(1));

	private static final AtomicLong closedAt = new AtomicLong();

	/** A provider that streams a token every 20 ms without end, and notes when its client leaves. */
	static final DisposableServer provider = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
		request.withConnection((connection) -> connection.onDispose(() -> {
			closedAt.set(System.nanoTime());
			closed.get().countDown();
		}));
		Flux<String> frames = Flux.interval(Duration.ofMillis(20))
			.map((i) -> "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + i + " \"}}]}\n\n");
		return response.header("Content-Type", "text/event-stream").sendString(frames).then();
	}).bindNow();

	static final RecordedRuns runs = new RecordedRuns();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void providerUrl(DynamicPropertyRegistry registry) {
		registry.add("lcel.models.endless.base-url", () -> "http://127.0.0.1:" + provider.port() + "/v1");
	}

	@AfterAll
	static void stop() {
		provider.disposeNow();
	}

	@Test
	void aClientLeavingMidStreamClosesTheProviderRequestAndCancelsTheRun() throws InterruptedException {
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		List<Long> delays = new ArrayList<>();
		for (int attempt = 0; attempt < 3; attempt++) {
			closed.set(new CountDownLatch(1));
			runs.clear();
			List<ServerSentEvent<String>> received = client.post()
				.uri("/chains/endless/stream")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"input\": \"go\"}")
				.retrieve()
				.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
				})
				.filter((event) -> "data".equals(event.event()))
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(10));
			long cancelledAt = System.nanoTime();
			assertThat(received).hasSize(3);
			assertThat(closed.get().await(5, TimeUnit.SECONDS)).as("the provider saw its client leave").isTrue();
			delays.add(TimeUnit.NANOSECONDS.toMillis(closedAt.get() - cancelledAt));
			awaitStoppedRun("/chains/endless");
			assertThat(runs.stopped()).anySatisfy((run) -> {
				assertThat(run.getRun().name()).isEqualTo("/chains/endless");
				assertThat(run.isCancelled()).isTrue();
			});
		}
		delays.sort(null);
		assertThat(delays.get(1)).as("median ms from the client leaving to the provider request closing, of " + delays)
			.isLessThanOrEqualTo(100);
	}

	/** Wait up to 5 s for the run of this name to stop, failing the test when it does not. */
	private static void awaitStoppedRun(String name) throws InterruptedException {
		for (int i = 0; i < 250; i++) {
			if (runs.stopped().stream().anyMatch((run) -> run.getRun().name().equals(name))) {
				return;
			}
			Thread.sleep(20);
		}
		fail("No run named " + name + " stopped within 5 s; the stopped runs are "
				+ runs.stopped().stream().map((run) -> run.getRun().name()).toList());
	}

	@SpringBootApplication
	static class Server {

		@Bean
		RecordedRuns recordedRuns() {
			return runs;
		}

	}

}
