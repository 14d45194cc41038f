package dev.lcel.autoconfigure.web;

import java.util.List;

import dev.lcel.autoconfigure.support.AbstractFakeOpenAiTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API key is sent to its provider and nowhere else: not in logs at DEBUG (lcel's, WebClient's,
 * Reactor Netty's), not in problem responses or stream error events, not in {@code /actuator/env},
 * {@code /actuator/configprops} or {@code /actuator/lcel}, even with every endpoint exposed and
 * values shown.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SecretsExposureTests.Server.class,
		properties = { "logging.level.dev.lcel=DEBUG", "logging.level.org.springframework.web=DEBUG",
				"logging.level.org.springframework.http=DEBUG", "logging.level.reactor.netty=DEBUG",
				"management.endpoints.web.exposure.include=*", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "lcel.models.gpt.provider=openai",
				"lcel.models.gpt.model=gpt-test", "lcel.models.gpt.api-key=" + SecretsExposureTests.KEY,
				"lcel.models.gpt.retry.max-attempts=1", "lcel.chains.joke.steps[0].model=gpt",
				"lcel.chains.joke.steps[1].parser=str" })
class SecretsExposureTests extends AbstractFakeOpenAiTests {

	static final String KEY = "sk-proj-never-to-be-seen-4f9a";

	@AfterAll
	static void resetLogLevels() {
		// The levels outlive the context: put them back for the test classes that run next.
		LoggingSystem logging = LoggingSystem.get(SecretsExposureTests.class.getClassLoader());
		for (String logger : List.of("dev.lcel", "org.springframework.web", "org.springframework.http", "reactor.netty")) {
			logging.setLogLevel(logger, null);
		}
	}

	@Test
	void theKeyAppearsNowhereButInTheRequestToTheProvider(CapturedOutput output) {
		WebTestClient client = client();
		streamCompletions(List.of("fine"));
		assertThat(call(client, "invoke")).contains("fine");
		assertThat(openAi.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);

		openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
					+ ". You can find your API key at https://platform.openai.com.\",\"type\":\"invalid_request_error\","
					+ "\"code\":\"invalid_api_key\"}}")));
		String problem = call(client, "invoke");
		String streamed = call(client, "stream");
		assertThat(problem).contains("\"status\":502");
		assertThat(streamed).contains("event:error");

		StringBuilder exposed = new StringBuilder(problem).append(streamed);
		for (String endpoint : new String[] { "env", "configprops", "lcel" }) {
			exposed.append(client.get().uri("/actuator/" + endpoint).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody());
		}
		assertThat(exposed.toString()).contains("lcel.models.gpt").doesNotContain(KEY);
		assertThat(output.getAll()).as("logs at DEBUG").contains("DEBUG").doesNotContain(KEY);
	}

	private static String call(WebTestClient client, String route) {
		return client.post()
			.uri("/chains/joke/" + route)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": \"hi\"}")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@SpringBootApplication
	static class Server {

	}

}
