package dev.lcel.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DemoHttpTests {

	@Autowired
	private WebTestClient client;

	@Test
	void yamlChainIsServedOverHttp() {
		this.client.post()
			.uri("/chains/headline/invoke")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": \"served over http\"}")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output.text").isEqualTo("SERVED OVER HTTP!")
			.jsonPath("$.output.stats.words").isEqualTo(3);
	}

	@Test
	void streamDeliversWordsAsServerSentEvents() {
		String body = this.client.post()
			.uri("/chains/typewriter/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": \"one two\"}")
			.exchange()
			.expectStatus().isOk()
			.returnResult(String.class)
			.getResponseBody()
			.collectList()
			.block()
			.toString();
		assertThat(body).contains("\"ONE \"", "\"TWO\"");
	}

	@Test
	void actuatorListsTheChains() {
		this.client.get().uri("/actuator/lcel").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.chains.headline.description").isEqualTo("Shouts a text, then shows it beside its word and letter counts");
	}

}
