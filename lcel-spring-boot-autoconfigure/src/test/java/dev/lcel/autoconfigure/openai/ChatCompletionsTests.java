package dev.lcel.autoconfigure.openai;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.lcel.autoconfigure.support.ChainHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat completions protocol over HTTP, request by request: the list of models, answers whole
 * and streamed, usage, the mapping of messages, parameters and sessions to the chains, tool calls,
 * and errors in OpenAI's shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ChatChainsServer.class)
class ChatCompletionsTests {

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void client() {
		this.client = ChainHttp.client(this.port);
	}

	private WebTestClient.ResponseSpec post(String body) {
		return this.client.post().uri("/v1/chat/completions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static String user(String model, String text) {
		return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}";
	}

	@Test
	@SuppressWarnings("unchecked")
	void modelsListsTheChatChainsOnly() {
		this.client.get().uri("/v1/models").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.object").isEqualTo("list")
			.jsonPath("$.data[*].id").value((ids) -> assertThat((List<Object>) ids)
				.containsExactlyInAnyOrder("joke", "chat", "weather", "assistant", "sampler", "limited", "flaky", "endless"))
			.jsonPath("$.data[0].object").isEqualTo("model")
			.jsonPath("$.data[0].owned_by").isEqualTo("lcel");
		this.client.get().uri("/v1/models/joke").exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("joke");
		this.client.get().uri("/v1/models/shout").exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.error.code").isEqualTo("model_not_found");
	}

	@Test
	void completionAnswersWithTheChainsOutputAndUsage() {
		post(user("assistant", "hi")).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.object").isEqualTo("chat.completion")
			.jsonPath("$.model").isEqualTo("assistant")
			.jsonPath("$.id").value((id) -> assertThat((String) id).startsWith("chatcmpl-"))
			.jsonPath("$.choices[0].message.role").isEqualTo("assistant")
			.jsonPath("$.choices[0].message.content").isEqualTo("Hello there, I am a chain that streams its answer in small pieces.")
			.jsonPath("$.choices[0].finish_reason").isEqualTo("stop")
			.jsonPath("$.usage.prompt_tokens").value((tokens) -> assertThat((Integer) tokens).isPositive())
			.jsonPath("$.usage.completion_tokens").isEqualTo(17)
			.jsonPath("$.usage.total_tokens").value((tokens) -> assertThat((Integer) tokens).isGreaterThan(17));
	}

	@Autowired
	private ChatChainsServer.RecordingHandler runs;

	@Test
	void aCompletionIsAChainRunThatTheApplicationsHandlersSee() {
		String id = post(user("joke", "bears")).expectStatus().isOk().expectBody(java.util.Map.class).returnResult()
			.getResponseBody().get("id").toString();
		String runId = id.substring("chatcmpl-".length());
		assertThat(this.runs.ended).anySatisfy((run) -> assertThat(run).startsWith("chain ").contains(" " + runId + " []"));
		assertThat(this.runs.ended).anySatisfy((run) -> assertThat(run).startsWith("chat_model ").contains("[" + runId));
	}

	@Test
	void lastUserMessageFillsTheConfiguredInputKey() {
		post("{\"model\": \"joke\", \"messages\": [{\"role\": \"system\", \"content\": \"be funny\"}, "
				+ "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"be\"}, {\"type\": \"text\", \"text\": \"ars\"}]}]}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.choices[0].message.content").isEqualTo("Why do bears have hairy coats? Fur protection!")
			.jsonPath("$.usage.completion_tokens").value((tokens) -> assertThat((Integer) tokens).isPositive());
	}

	@Test
	void streamSendsChunksThenFinishThenUsageThenDone() {
		String body = post("{\"model\": \"joke\", \"stream\": true, \"stream_options\": {\"include_usage\": true}, "
				+ "\"messages\": [{\"role\": \"user\", \"content\": \"bears\"}]}")
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> data = body.lines().filter((line) -> line.startsWith("data:")).map((line) -> line.substring(5).trim()).toList();
		assertThat(data.get(0)).contains("\"object\":\"chat.completion.chunk\"").contains("\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
		assertThat(data.get(1)).contains("\"delta\":{\"content\":\"Why\"}").contains("\"usage\":null");
		assertThat(data.get(data.size() - 3)).contains("\"delta\":{}").contains("\"finish_reason\":\"stop\"");
		assertThat(data.get(data.size() - 2)).contains("\"choices\":[]").contains("\"completion_tokens\":16");
		assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
		assertThat(body).doesNotContain("event:");
	}

	@Test
	void streamWithoutIncludeUsageHasNoUsageChunk() {
		String body = post("{\"model\": \"assistant\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).doesNotContain("usage").contains("data:[DONE]");
	}

	@Test
	void userFieldKeepsTheConversation() {
		String user = UUID.randomUUID().toString();
		post("{\"model\": \"chat\", \"user\": \"" + user + "\", \"messages\": [{\"role\": \"user\", \"content\": \"I am Ada\"}]}")
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content").isEqualTo("You are brief.|I am Ada");
		post("{\"model\": \"chat\", \"user\": \"" + user + "\", \"messages\": [{\"role\": \"user\", \"content\": \"who am I?\"}]}")
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
			.isEqualTo("You are brief.|I am Ada|You are brief.|I am Ada|who am I?");
	}

	@Test
	void sessionHeaderKeepsTheConversationApartFromTheUser() {
		String session = UUID.randomUUID().toString();
		for (String text : List.of("one", "two")) {
			this.client.post().uri("/v1/chat/completions").header("X-Session-Id", session)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"model\": \"chat\", \"user\": \"someone\", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}")
				.exchange().expectStatus().isOk();
		}
		this.client.post().uri("/v1/chat/completions").header("X-Session-Id", session)
			.contentType(MediaType.APPLICATION_JSON).bodyValue(user("chat", "three")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
			.value((text) -> assertThat((String) text).contains("|one|").contains("|two|").endsWith("|three"));
	}

	@Test
	void conversationWithoutSessionIsABadRequest() {
		post(user("chat", "hi")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error")
			.jsonPath("$.error.message").value((message) -> assertThat((String) message).contains("session_id"));
	}

	@Test
	void samplingParametersReachTheModelThroughItsConfigurableFields() {
		post("{\"model\": \"sampler\", \"temperature\": 0.25, \"max_tokens\": 7, \"stop\": \"END\", \"top_p\": 0.5, "
				+ "\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
			.isEqualTo("temperature=0.25 max_tokens=7 stop=[END] top_p=0.5");
		post("{\"model\": \"sampler\", \"max_completion_tokens\": 3, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content")
			.isEqualTo("temperature=null max_tokens=3 stop=[] top_p=null");
	}

	@Test
	void toolCallsArriveInOpenAisShape() {
		post(user("weather", "weather in Oslo?")).expectStatus().isOk()
			.expectBody()
			.jsonPath("$.choices[0].finish_reason").isEqualTo("tool_calls")
			.jsonPath("$.choices[0].message.content").doesNotExist()
			.jsonPath("$.choices[0].message.tool_calls[0].id").isEqualTo("call_1")
			.jsonPath("$.choices[0].message.tool_calls[0].type").isEqualTo("function")
			.jsonPath("$.choices[0].message.tool_calls[0].function.name").isEqualTo("weather")
			.jsonPath("$.choices[0].message.tool_calls[0].function.arguments").isEqualTo("{\"city\":\"Oslo\"}");
		String streamed = post("{\"model\": \"weather\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Oslo?\"}]}")
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(streamed).contains("\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\"")
			.contains("\"finish_reason\":\"tool_calls\"");
	}

	@Test
	void assistantToolCallsAndToolMessagesAreRead() {
		post("{\"model\": \"assistant\", \"messages\": [{\"role\": \"user\", \"content\": \"weather?\"}, "
				+ "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"c1\", \"type\": \"function\", "
				+ "\"function\": {\"name\": \"weather\", \"arguments\": \"{\\\"city\\\": \\\"Oslo\\\"}\"}}]}, "
				+ "{\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"sunny\"}]}")
			.expectStatus().isOk().expectBody().jsonPath("$.choices[0].message.content").isNotEmpty();
	}

	@Test
	void unknownModelIsA400NamingTheModels() {
		post(user("gtp-4", "hi")).expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.error.type").isEqualTo("invalid_request_error")
			.jsonPath("$.error.code").isEqualTo("model_not_found")
			.jsonPath("$.error.param").isEqualTo("model")
			.jsonPath("$.error.message").value((message) -> assertThat((String) message).contains("gtp-4").contains("joke"));
	}

	@Test
	void rateLimitedProviderIsA429WithRetryAfter() {
		post(user("limited", "hi")).expectStatus().isEqualTo(429)
			.expectHeader().valueEquals("Retry-After", "7")
			.expectBody()
			.jsonPath("$.error.type").isEqualTo("rate_limit_error")
			.jsonPath("$.error.code").isEqualTo("rate_limit_exceeded")
			.jsonPath("$.error.message").value((message) -> assertThat((String) message).contains("in 7 s")
				.doesNotContain("gpt").doesNotContain("Exception"));
	}

	@Test
	void streamThatFailsBeforeItsFirstChunkIsAnsweredWithTheFailuresStatus() {
		post("{\"model\": \"limited\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isEqualTo(429)
			.expectHeader().valueEquals("Retry-After", "7")
			.expectBody().jsonPath("$.error.code").isEqualTo("rate_limit_exceeded");
		post("{\"model\": \"chat\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.message").value((message) -> assertThat((String) message).contains("session_id"));
	}

	@Test
	void aClientLeavingMidStreamCancelsTheChain() throws InterruptedException {
		ChatChainsServer.endlessCancelled.set(new java.util.concurrent.CountDownLatch(1));
		List<String> received = org.springframework.web.reactive.function.client.WebClient.create("http://localhost:" + this.port)
			.post()
			.uri("/v1/chat/completions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"model\": \"endless\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"go\"}]}")
			.retrieve()
			.bodyToFlux(String.class)
			.take(4)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(received).hasSize(4);
		assertThat(received.get(3)).contains("\"content\":\"t");
		assertThat(ChatChainsServer.endlessCancelled.get().await(5, java.util.concurrent.TimeUnit.SECONDS))
			.as("the chain saw its client leave").isTrue();
	}

	@Test
	void failureDuringAStreamIsAnErrorObjectAsTheLastEvent() {
		String body = post("{\"model\": \"flaky\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}")
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		List<String> data = body.lines().filter((line) -> line.startsWith("data:")).toList();
		assertThat(data.get(1)).contains("\"delta\":{\"content\":\"partial\"}");
		assertThat(data.get(data.size() - 1)).contains("\"error\":{").contains("\"code\":\"upstream_error\"");
		assertThat(body).doesNotContain("[DONE]").doesNotContain("sk-secret");
	}

	@Test
	void badRequestsNameTheParameter() {
		post("{\"model\": \"joke\"}").expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("messages");
		post("{\"messages\": []}").expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("model");
		post("{\"model\": \"joke\", \"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.error.param").isEqualTo("messages[0].role");
		post("{\"model\": \"joke\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {}}]}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("messages[0].content[0]");
		post("{\"model\": \"joke\", \"temperature\": 9, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("temperature");
		post("{\"model\": \"joke\", \"n\": 2, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("n");
		post("{\"model\": \"joke\", \"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("messages[0].tool_call_id");
		post("{\"model\": \"joke\", \"messages\": [{\"role\": \"system\", \"content\": \"x\"}]}")
			.expectStatus().isBadRequest().expectBody().jsonPath("$.error.param").isEqualTo("messages");
		post("not json").expectStatus().isBadRequest().expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");
	}

	@Test
	void bodyLimitsAndMediaTypeAreTheChainRoutes() {
		String large = "x".repeat(1024 * 1024 + 1);
		post(user("joke", large)).expectStatus().isEqualTo(413).expectBody().jsonPath("$.error.code").isEqualTo("request_too_large");
		String manyValues = "{\"model\": \"joke\", \"metadata\": [" + "0,".repeat(20_000) + "0], \"messages\": []}";
		post(manyValues).expectStatus().isEqualTo(413).expectBody().jsonPath("$.error.code").isEqualTo("request_too_large");
		this.client.post().uri("/v1/chat/completions").contentType(MediaType.TEXT_PLAIN).bodyValue(user("joke", "x")).exchange()
			.expectStatus().isEqualTo(415).expectBody().jsonPath("$.error.code").isEqualTo("unsupported_media_type");
	}

	@Test
	void unknownRoutesAndMethodsAnswerInOpenAisShape() {
		this.client.post().uri("/v1/chat/completion").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("unknown_url");
		this.client.get().uri("/v1/chat/completions").exchange()
			.expectStatus().isEqualTo(405).expectBody().jsonPath("$.error.code").isEqualTo("method_not_allowed");
		this.client.post().uri("/v1/models").exchange()
			.expectStatus().isEqualTo(405).expectBody().jsonPath("$.error.code").isEqualTo("method_not_allowed");
	}

}
