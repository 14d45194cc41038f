package dev.lcel.autoconfigure.observation;

import java.util.List;

import dev.lcel.autoconfigure.support.AbstractFakeOpenAiTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application with the starter, Actuator and Prometheus scrapes after a model call: Boot's
 * HTTP client metric for the call to the provider (the starter brings Boot's instrumented
 * {@code WebClient.Builder}), the GenAI meters under Prometheus-friendly names and base units, the
 * {@code lcel.run} timer with its {@code error} tag and the {@code lcel.run.active} long-task
 * timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PrometheusScrapeTests.Server.class,
		properties = { "management.endpoints.web.exposure.include=prometheus", "lcel.models.gpt.provider=openai",
				"lcel.models.gpt.model=gpt-test", "lcel.models.gpt.api-key=sk-test", "lcel.models.gpt.retry.max-attempts=1",
				"lcel.chains.joke.steps[0].model=gpt", "lcel.chains.joke.steps[1].parser=str" })
class PrometheusScrapeTests extends AbstractFakeOpenAiTests {

	@Test
	void theScrapeHasTheClientMetricAndPrometheusFriendlyLcelNames() {
		streamCompletions(List.of("why ", "not"));
		WebTestClient client = client();
		for (String route : new String[] { "invoke", "stream" }) {
			client.post().uri("/chains/joke/" + route).contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"input\": \"hi\"}").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		}

		String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		List<String> names = scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.replaceAll("[{ ].*", "")).distinct().toList();
		assertThat(scrape).containsPattern("http_client_requests_seconds_count\\{[^}]*client_name=\"localhost\"[^}]*uri=\"[^\"]*chat/completions\"");
		assertThat(names).contains("gen_ai_client_operation_duration_seconds_count",
				"gen_ai_client_operation_time_to_first_chunk_seconds_count", "gen_ai_client_token_usage_tokens_count",
				"gen_ai_client_token_usage_tokens_sum", "lcel_run_seconds_count", "lcel_run_active_seconds_count",
				"lcel_streams_active");
		assertThat(scrape).containsPattern("lcel_run_seconds_count\\{[^}]*error=\"none\"[^}]*lcel_run_name=\"joke\"");
		assertThat(names).allSatisfy((name) -> assertThat(name).doesNotContain("__").matches("[a-zA-Z_:][a-zA-Z0-9_:]*"));
	}

	@SpringBootApplication
	static class Server {

	}

}
