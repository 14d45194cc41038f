package dev.lcel.benchmarks.http.baseline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The baseline of the {@code /invoke} throughput comparison: a plain WebFlux handler that reads
 * the JSON request and answers with the same reply, in the same response shape, as the chain it
 * is compared with, but runs no chain.
 *
 * <p>Not part of any application: {@code benchmarks/load.sh} adds it to the demo only for a load
 * run ({@code --spring.main.sources=} this class, from a jar on {@code loader.path}), so both
 * endpoints are served by the same process, server, filters and metrics. The reply comes from
 * {@code load.baseline.reply}.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineRoutes {

	@Bean
	RouterFunction<ServerResponse> baselineInvokeRoute(@Value("${load.baseline.reply}") String reply) {
		return RouterFunctions.route()
			.POST("/baseline/invoke", (request) -> request.bodyToMono(Map.class)
				.flatMap((body) -> ServerResponse.ok()
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("output", reply, "metadata",
							Map.of("run_id", UUID.randomUUID().toString(), "feedback_tokens", List.of())))))
			.build();
	}

}
