package dev.lcel.autoconfigure.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routes switched off globally or per chain answer 404 over HTTP and leave the chain list's links
 * and the OpenAPI document; a chain's own switch wins over the global one; CORS headers are sent
 * for the configured origins on the chain routes only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RemoteRunnableRoundTripTests.Server.class,
		properties = { "lcel.server.routes.playground=false", "lcel.server.routes.stream-log=false",
				"lcel.server.chain-routes.words.playground=true", "lcel.server.chain-routes.words.batch=false",
				"lcel.server.chain-routes.tagged.schema=false", "lcel.server.chain-routes.tagged.stream-events=false",
				"lcel.server.cors.allowed-origins=https://app.example.com", "management.endpoints.web.exposure.include=health" })
class RouteSwitchesTests {

	@LocalServerPort
	private int port;

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Test
	void switchedOffRoutesAnswer404AndTheOthersServe() {
		WebTestClient client = client();
		post(client, "/chains/words/batch", "{\"inputs\": [\"a\"]}").expectStatus().isNotFound()
			.expectBody().jsonPath("$.message").value((message) -> org.assertj.core.api.Assertions.assertThat(message.toString())
				.contains("batch route is turned off for chain 'words'", "lcel.server.chain-routes.words.batch"));
		post(client, "/chains/tagged/batch", "{\"inputs\": [\"a\"]}").expectStatus().isOk();
		post(client, "/chains/words/stream_log", "{\"input\": \"a\"}").expectStatus().isNotFound();
		post(client, "/chains/tagged/stream_events", "{\"input\": \"a\"}").expectStatus().isNotFound();
		post(client, "/chains/words/stream_events", "{\"input\": \"a\"}").expectStatus().isOk();
		client.get().uri("/chains/tagged/playground").exchange().expectStatus().isNotFound();
		client.get().uri("/chains/words/playground").exchange().expectStatus().isOk();
		for (String schema : new String[] { "schema", "input_schema", "output_schema", "config_schema" }) {
			client.get().uri("/chains/tagged/" + schema).exchange().expectStatus().isNotFound();
			client.get().uri("/chains/words/" + schema).exchange().expectStatus().isOk();
		}
		post(client, "/chains/tagged/invoke", "{\"input\": \"a\"}").expectStatus().isOk();
	}

	@Test
	void theChainListAndOpenApiFollowTheSwitches() {
		WebTestClient client = client();
		client.get().uri("/chains").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.chains[?(@.name == 'words')].links.playground").isEqualTo("/chains/words/playground")
			.jsonPath("$.chains[?(@.name == 'words')].links.batch").doesNotExist()
			.jsonPath("$.chains[?(@.name == 'words')].links.stream_log").doesNotExist()
			.jsonPath("$.chains[?(@.name == 'tagged')].links.schema").doesNotExist()
			.jsonPath("$.chains[?(@.name == 'tagged')].links.playground").doesNotExist()
			.jsonPath("$.chains[?(@.name == 'tagged')].links.batch").isEqualTo("/chains/tagged/batch");
		client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.paths['/chains/words/batch']").doesNotExist()
			.jsonPath("$.paths['/chains/words/stream_log']").doesNotExist()
			.jsonPath("$.paths['/chains/words/invoke'].post").exists()
			.jsonPath("$.paths['/chains/tagged/batch'].post").exists()
			.jsonPath("$.paths['/chains/tagged/schema']").doesNotExist()
			.jsonPath("$.paths['/chains/tagged/stream_events']").doesNotExist();
	}

	@Test
	void corsHeadersAreSentForTheConfiguredOriginsOnTheChainRoutesOnly() {
		WebTestClient client = client();
		client.options().uri("/chains/words/invoke")
			.header(HttpHeaders.ORIGIN, "https://app.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> org.assertj.core.api.Assertions
				.assertThat(methods).contains("POST"));
		client.post().uri("/chains/words/invoke").header(HttpHeaders.ORIGIN, "https://app.example.com")
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"input\": \"a\"}")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com");
		client.options().uri("/chains/words/invoke")
			.header(HttpHeaders.ORIGIN, "https://evil.example.org")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden();
		client.get().uri("/actuator/health").header(HttpHeaders.ORIGIN, "https://app.example.com")
			.exchange()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private static WebTestClient.ResponseSpec post(WebTestClient client, String uri, String body) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
