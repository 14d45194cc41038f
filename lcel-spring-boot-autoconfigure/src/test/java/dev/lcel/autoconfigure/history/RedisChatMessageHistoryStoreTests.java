package dev.lcel.autoconfigure.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.lcel.core.history.ChatMessageHistory;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The Redis store against a real Redis ({@code REDIS_URL}, or Testcontainers; skipped without).
 */
class RedisChatMessageHistoryStoreTests {

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final String prefix = "lcel-test:" + UUID.randomUUID() + ":";

	private ReactiveStringRedisTemplate redis;

	@BeforeEach
	void connect() {
		this.redis = template();
	}

	@AfterEach
	void cleanUp() {
		if (this.redis == null) {
			return; // skipped: no Redis
		}
		this.redis.keys(this.prefix + "*").flatMap(this.redis::delete).blockLast();
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	private ReactiveStringRedisTemplate template() {
		LettuceConnectionFactory factory = RedisServer.connect();
		this.connections.add(factory);
		return new ReactiveStringRedisTemplate(factory);
	}

	private static List<BaseMessage> messages(ChatMessageHistory history) {
		return history.getMessages().collectList().block();
	}

	@Test
	void messagesOfEveryTypeRoundTripInOrder() {
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 0).forSession("s");
		List<BaseMessage> conversation = List.of(new SystemMessage("be brief"), new HumanMessage("hi"),
				new AIMessage("hello"), new ToolMessage("42", "call_1"));
		history.addMessages(conversation).block();
		assertThat(messages(history)).containsExactlyElementsOf(conversation);
		assertThat(this.redis.opsForList().index(this.prefix + "s", 1).block()).contains("\"type\":\"human\"");
		history.clear().block();
		assertThat(messages(history)).isEmpty();
	}

	@Test
	void chunksAreKeptAsPlainAiMessages() {
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 0).forSession("s");
		history.addMessages(List.of(new AIMessageChunk("hel").add(new AIMessageChunk("lo")))).block();
		assertThat(messages(history)).containsExactly(new AIMessage("hello"));
	}

	@Test
	void keepsOnlyTheMostRecentMessages() {
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 3).forSession("s");
		IntStream.range(0, 5).forEach((i) -> history.addMessages(List.of(new HumanMessage("m" + i))).block());
		assertThat(messages(history)).extracting(BaseMessage::content).containsExactly("m2", "m3", "m4");
		history.addMessages(List.of(new HumanMessage("a"), new AIMessage("b"), new HumanMessage("c"),
				new AIMessage("d"))).block();
		assertThat(messages(history)).extracting(BaseMessage::content).containsExactly("b", "c", "d");
	}

	@Test
	void conversationExpiresItsTimeToLiveAfterTheLastMessage() {
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, Duration.ofMinutes(5), 0)
			.forSession("long");
		history.addMessages(List.of(new HumanMessage("hi"))).block();
		Duration ttl = this.redis.getExpire(this.prefix + "long").block();
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));

		ChatMessageHistory brief = new RedisChatMessageHistoryStore(this.redis, this.prefix, Duration.ofMillis(300), 0)
			.forSession("brief");
		brief.addMessages(List.of(new HumanMessage("hi"))).block();
		assertThat(messages(brief)).hasSize(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> messages(brief).isEmpty());
	}

	@Test
	void withoutTimeToLiveTheConversationIsKept() {
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 0).forSession("s");
		history.addMessages(List.of(new HumanMessage("hi"))).block();
		// A key without expiry: Spring Data reports no positive time to live for it.
		assertThat(this.redis.getExpire(this.prefix + "s").block()).isLessThanOrEqualTo(Duration.ZERO);
		assertThat(this.redis.hasKey(this.prefix + "s").block()).isTrue();
	}

	@Test
	void concurrentAppendsFromTwoInstancesKeepEachTurnTogether() {
		ChatMessageHistory first = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 0).forSession("s");
		ChatMessageHistory second = new RedisChatMessageHistoryStore(template(), this.prefix, null, 0).forSession("s");
		Flux.range(0, 200)
			.flatMap((i) -> ((i % 2 == 0) ? first : second)
				.addMessages(List.of(new HumanMessage("q" + i), new AIMessage("a" + i)))
				.subscribeOn(Schedulers.parallel()), 16)
			.blockLast();
		List<BaseMessage> all = messages(first);
		assertThat(all).hasSize(400);
		for (int i = 0; i < all.size(); i += 2) {
			assertThat(all.get(i).content().substring(1)).isEqualTo(all.get(i + 1).content().substring(1));
		}
		assertThat(messages(second)).isEqualTo(all);
	}

	@Test
	void storedJsonOfAnUnknownTypeIsRejected() {
		this.redis.opsForList().rightPush(this.prefix + "bad", "{\"type\":\"java.lang.Runtime\",\"content\":\"x\"}")
			.block();
		ChatMessageHistory history = new RedisChatMessageHistoryStore(this.redis, this.prefix, null, 0)
			.forSession("bad");
		assertThatException().isThrownBy(() -> messages(history));
	}

}
