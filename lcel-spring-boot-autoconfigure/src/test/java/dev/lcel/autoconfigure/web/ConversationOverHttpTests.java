package dev.lcel.autoconfigure.web;

import java.util.UUID;

import dev.lcel.autoconfigure.history.HistoryAutoConfiguration;
import dev.lcel.autoconfigure.history.RedisServer;
import dev.lcel.autoconfigure.history.TranscriptConfiguration;
import dev.lcel.autoconfigure.support.ChainHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.autoconfigure.support.ChainHttp.client;
import static dev.lcel.autoconfigure.support.ChainHttp.getJson;
import static dev.lcel.autoconfigure.support.ChainHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain with {@code history: {store: redis}} served by two application instances that share one
 * Redis ({@code REDIS_URL}, or Testcontainers; skipped without): a conversation started on one
 * continues on the other, with the session id in {@code config.configurable.session_id}.
 */
class ConversationOverHttpTests {

	private ReactiveWebApplicationContextRunner contextRunner;

	private final String session = UUID.randomUUID().toString();

	@BeforeEach
	void instances() {
		this.contextRunner = ChainHttp
			.runner(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
					HistoryAutoConfiguration.class, LcelServerAutoConfiguration.class)
			.withUserConfiguration(TranscriptConfiguration.class)
			.withPropertyValues("spring.data.redis.url=" + RedisServer.url(),
					"lcel.history.redis.key-prefix=lcel-test:" + UUID.randomUUID() + ":",
					"lcel.chains.chat.history.store=redis", "lcel.chains.chat.history.ttl=1m",
					"lcel.chains.chat.history.input-key=question", "lcel.chains.chat.history.history-key=history",
					"lcel.chains.chat.steps[0].messages[0].placeholder=history",
					"lcel.chains.chat.steps[0].messages[1].human={question}", "lcel.chains.chat.steps[1].bean=transcript");
	}

	private WebTestClient.ResponseSpec post(ApplicationContext context, String route, String question) {
		return postJson(client(context), "/chains/chat/" + route, "{\"input\": {\"question\": \"" + question
				+ "\"}, \"config\": {\"configurable\": {\"session_id\": \"" + this.session + "\"}}}");
	}

	@Test
	void twoInstancesContinueTheSameConversation() {
		this.contextRunner.run((first) -> this.contextRunner.run((second) -> {
			post(first, "invoke", "I am Bob").expectStatus().isOk().expectBody().jsonPath("$.output").isEqualTo("I am Bob");
			post(second, "invoke", "who am I?").expectStatus().isOk()
				.expectBody().jsonPath("$.output").isEqualTo("I am Bob|I am Bob|who am I?");
			String streamed = post(first, "stream", "and now?").expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(streamed).contains("event:end");
			String twoTurns = "I am Bob|I am Bob|who am I?";
			String threeTurns = twoTurns + "|" + twoTurns + "|and now?";
			post(second, "invoke", "last").expectStatus().isOk()
				.expectBody().jsonPath("$.output").isEqualTo(threeTurns + "|" + threeTurns + "|last");
		}));
	}

	@Test
	void missingSessionIdIsA400() {
		this.contextRunner.run((context) -> postJson(client(context), "/chains/chat/invoke", "{\"input\": {\"question\": \"hi\"}}")
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.message").value((String message) -> assertThat(message).contains("config.configurable.session_id")));
	}

	@Test
	void schemasShowTheSessionIdAndNotTheHistory() {
		this.contextRunner.run((context) -> getJson(client(context), "/chains/chat/schema")
			.jsonPath("$.input.properties.question").exists()
			.jsonPath("$.input.properties.history").doesNotExist()
			.jsonPath("$.config.properties.configurable.properties.session_id.type").isEqualTo("string"));
	}

}
