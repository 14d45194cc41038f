package dev.lcel.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.demo.ChainRequests.postJson;
import static dev.lcel.demo.ChainRequests.streamedData;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code agent} chain over HTTP, offline: the fake model asks for the calculator's
 * {@code multiply} and the {@code shout} chain, and answers after their results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DemoAgentHttpTests {

	private static final String INPUT = "{\"input\": [{\"type\": \"human\", \"content\": \"What is 6 times 7? And shout 'tools work'.\"}]}";

	@Autowired
	private WebTestClient client;

	@Test
	void invokeAnswersWithTheMessagesOfTheTurn() {
		postJson(this.client, "/chains/agent/invoke", INPUT)
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output.messages.length()").isEqualTo(4)
			.jsonPath("$.output.messages[0].tool_calls[0].name").isEqualTo("multiply")
			.jsonPath("$.output.messages[0].tool_calls[1].name").isEqualTo("shout")
			.jsonPath("$.output.messages[1].type").isEqualTo("tool")
			.jsonPath("$.output.messages[1].content").isEqualTo("42.0")
			.jsonPath("$.output.messages[2].content").isEqualTo("TOOLS WORK!")
			.jsonPath("$.output.messages[3].content").value((String answer) -> assertThat(answer).startsWith("6 times 7 is 42.0"));
	}

	@Test
	void streamEventsShowTheToolRuns() {
		String body = String.join("\n", streamedData(this.client, "/chains/agent/stream_events", INPUT));
		assertThat(body).contains("\"event\":\"on_tool_start\"", "\"event\":\"on_tool_end\"", "\"name\":\"multiply\"",
				"\"name\":\"shout\"", "\"event\":\"on_chat_model_stream\"");
	}

	@Test
	void streamDeliversTheFinalAnswerAsItComes() {
		List<String> chunks = streamedData(this.client, "/chains/agent/stream", INPUT);
		List<String> answer = chunks.stream().filter((data) -> data.contains("AIMessageChunk") && !data.contains("tool_call_chunks\":[{")).toList();
		assertThat(answer.size()).isGreaterThan(5);
		assertThat(String.join("", chunks)).contains("\"type\":\"tool\"");
	}

	@Test
	void inputSchemaIsOfMessages() {
		this.client.get()
			.uri("/chains/agent/input_schema")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.anyOf").exists();
	}

}
