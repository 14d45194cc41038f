package dev.lcel.benchmarks.http.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The baselines of the HTTP load runs: plain WebFlux handlers that read the JSON request and answer
 * with the same reply, in the same response shape, as the chain they are compared with, but run no
 * chain. {@code POST /baseline/invoke} answers {@code {"output", "metadata"}} as {@code /invoke}
 * does; {@code POST /baseline/stream} sends the events of {@code /stream}: {@code metadata} with a
 * run id, the reply in {@code load.baseline.chunk-size}-character chunks as JSON strings in
 * {@code data} events, {@code load.baseline.delay} before each chunk (as the fake model waits),
 * then {@code end}.
 *
 * <p>Not part of any application: {@code benchmarks/load.sh} adds it to the demo only for a load
 * run ({@code --spring.main.sources=} this class, from a jar on {@code loader.path}), so both
 * endpoints are served by the same process, server, filters and metrics. The reply comes from
 * {@code load.baseline.reply}.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineRoutes {

	@Bean
	RouterFunction<ServerResponse> baselineRouterFunction(@Value("${load.baseline.reply}") String reply,
			@Value("${load.baseline.chunk-size:3}") int chunkSize, @Value("${load.baseline.delay:100ms}") Duration delay) {
		JsonMapper json = JsonMapper.builder().build();
		List<String> chunks = chunks(reply, chunkSize);
		return RouterFunctions.route()
			.POST("/baseline/invoke", (request) -> request.bodyToMono(Map.class)
				.flatMap((body) -> ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("output", reply, "metadata",
							Map.of("run_id", UUID.randomUUID().toString(), "feedback_tokens", List.of())))))
			.POST("/baseline/stream", (request) -> stream(request, json, chunks, delay))
			.build();
	}

	private static Mono<ServerResponse> stream(ServerRequest request, JsonMapper json, List<String> chunks,
			Duration delay) {
		return request.bodyToMono(Map.class).flatMap((body) -> {
			Flux<String> replies = Flux.fromIterable(chunks);
			Flux<ServerSentEvent<String>> events = Flux.concat(
					Flux.just(event("metadata", json.writeValueAsString(Map.of("run_id", UUID.randomUUID().toString())))),
					(delay.isZero() ? replies : replies.delayElements(delay))
						.map((chunk) -> event("data", json.writeValueAsString(chunk))),
					Flux.just(ServerSentEvent.<String>builder().event("end").build()));
			return ServerResponse.ok()
				.header("Cache-Control", "no-cache")
				.header("X-Accel-Buffering", "no")
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(events, ServerSentEvent.class);
		});
	}

	private static ServerSentEvent<String> event(String name, String data) {
		return ServerSentEvent.<String>builder().event(name).data(data).build();
	}

	private static List<String> chunks(String reply, int size) {
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < reply.length(); i += size) {
			chunks.add(reply.substring(i, Math.min(reply.length(), i + size)));
		}
		return chunks;
	}

}
