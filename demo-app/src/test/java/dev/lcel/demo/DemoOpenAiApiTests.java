package dev.lcel.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo serves {@code joke} and {@code chat} in OpenAI's chat completions protocol, as its
 * README shows with curl.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DemoOpenAiApiTests {

	@Autowired
	private WebTestClient client;

	@Test
	@SuppressWarnings("unchecked")
	void jokeAndChatAreModels() {
		this.client.get().uri("/v1/models").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.data[*].id").value((ids) -> assertThat((List<Object>) ids).contains("joke", "chat"));
	}

	@Test
	void jokeAnswersTheLastUserMessage() {
		this.client.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"model\": \"joke\", \"messages\": [{\"role\": \"user\", \"content\": \"bears\"}]}")
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.choices[0].message.content").value((String text) -> assertThat(text).startsWith("Why do bears"))
			.jsonPath("$.usage.total_tokens").value((Integer tokens) -> assertThat(tokens).isPositive());
	}

	@Test
	void chatStreamsAndRemembersTheUser() {
		String first = stream("I am Ada");
		assertThat(first).contains("\"content\":\"Hel\"").endsWith("data:[DONE]\n\n");
		String second = stream("What is my name?");
		assertThat(second).contains("\"content\":\"I r\"");
	}

	private String stream(String text) {
		return this.client.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"model\": \"chat\", \"stream\": true, \"user\": \"ada-openai\", \"stream_options\": "
					+ "{\"include_usage\": true}, \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}")
			.exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
	}

}
