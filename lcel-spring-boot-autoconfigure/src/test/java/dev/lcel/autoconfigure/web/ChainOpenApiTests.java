package dev.lcel.autoconfigure.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = RemoteRunnableRoundTripTests.Server.class)
@AutoConfigureWebTestClient
class ChainOpenApiTests {

	@Autowired
	private WebTestClient client;

	@Test
	void openApiDocumentHasEveryChainsRoutesWithItsSchemas() {
		// springdoc builds the document on the first request: seconds on a busy machine.
		this.client.mutate().responseTimeout(Duration.ofSeconds(60)).build().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths['/chains/words/invoke'].post.operationId").isEqualTo("words_invoke")
			.jsonPath("$.paths['/chains/words/stream'].post.responses['200'].content['text/event-stream']").exists()
			.jsonPath("$.paths['/chains/tagged/invoke'].post.requestBody.content['application/json'].schema.required[0]")
			.isEqualTo("input")
			.jsonPath("$.paths['/chains/words/schema'].get").exists()
			.jsonPath("$.paths['/chains/broken/batch'].post").exists()
			.jsonPath("$.paths['/chains/words/playground'].get.responses['200'].content['text/html']").exists()
			.jsonPath("$.paths['/chains/greet/input_schema'].get.responses['200'].content['application/json'].schema.required[0]")
			.isEqualTo("name");
	}

}
