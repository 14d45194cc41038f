package dev.lcel.demo;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo switched to OpenAI by its key, against WireMock standing in for OpenAI: the chains call
 * the provider, and the chain list says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "OPENAI_API_KEY=sk-demo-test-secret", "lcel.models.joke-model.retry.max-attempts=1" })
@AutoConfigureWebTestClient
class DemoOnOpenAiTests {

	static final WireMockServer openAi = start();

	@Autowired
	private WebTestClient client;

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().gzipDisabled(true));
		server.start();
		server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A bear \"}}]}\n\n"
					+ "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"walks in.\"},"
					+ "\"finish_reason\":\"stop\"}]}\n\n" + "data: [DONE]\n\n")));
		return server;
	}

	@DynamicPropertySource
	static void openAiUrl(DynamicPropertyRegistry registry) {
		for (String model : List.of("joke-model", "poem-model", "countries-model")) {
			registry.add("lcel.models." + model + ".base-url", () -> openAi.baseUrl() + "/v1");
		}
	}

	@AfterAll
	static void stop() {
		openAi.stop();
	}

	@Test
	void theJokeChainCallsOpenAiAndTheListSaysSo() {
		this.client.post()
			.uri("/chains/joke/invoke")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": {\"topic\": \"bears\"}}")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output").isEqualTo("A bear walks in.");
		assertThat(openAi.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
			.isEqualTo("Bearer sk-demo-test-secret");
		this.client.get()
			.uri("/chains")
			.exchange()
			.expectBody()
			.jsonPath("$.chains[?(@.name == 'joke')].model").isEqualTo(List.of("openai gpt-4o-mini"))
			.consumeWith((result) -> assertThat(new String(result.getResponseBody())).doesNotContain("sk-demo"));
	}

}
