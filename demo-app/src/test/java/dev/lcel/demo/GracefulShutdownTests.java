package dev.lcel.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown, as the demo configures it: a stream that is open when the application is
 * asked to stop runs to its end, while new requests are refused.
 */
class GracefulShutdownTests {

	@Test
	void openStreamsFinishWhileNewRequestsAreRefused() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
			.run("--server.port=0", "--lcel.models.joke-model.delay=60ms");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		WebClient client = WebClient.create("http://127.0.0.1:" + port);

		Flux<ServerSentEvent<String>> stream = client.post()
			.uri("/chains/joke/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": {\"topic\": \"bears\"}}")
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			});
		CompletableFuture<Void> firstChunk = new CompletableFuture<>();
		CompletableFuture<List<ServerSentEvent<String>>> events = stream
			.doOnNext((event) -> firstChunk.complete(null))
			.collectList()
			.toFuture();
		firstChunk.get(10, TimeUnit.SECONDS);
		new Thread(context::close, "shutdown").start();

		assertThat(refusesNewRequests(client)).as("a new request during shutdown is refused").isTrue();
		assertThat(events).as("the stream is still open").isNotDone();
		List<ServerSentEvent<String>> received = events.get(30, TimeUnit.SECONDS);
		assertThat(received).extracting(ServerSentEvent::event).contains("data").endsWith("end");
		String text = String.join("",
				received.stream()
					.filter((e) -> "data".equals(e.event()))
					.map((e) -> JsonMapper.shared().readValue(e.data(), String.class))
					.toList());
		assertThat(text).contains("Fur", "protection");
		awaitClosed(context);
	}

	/**
	 * Send requests until one is refused: its connection refused once the server stops accepting
	 * them, or a 503 while the application is going out of service.
	 */
	private static boolean refusesNewRequests(WebClient client) {
		for (int attempt = 0; attempt < 100; attempt++) {
			try {
				client.get().uri("/chains").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
			}
			catch (WebClientRequestException | WebClientResponseException.ServiceUnavailable refused) {
				return true;
			}
		}
		return false;
	}

	private static void awaitClosed(ConfigurableApplicationContext context) throws InterruptedException {
		for (int i = 0; i < 200 && context.isActive(); i++) {
			Thread.sleep(50);
		}
		assertThat(context.isActive()).isFalse();
	}

}
