package dev.lcel.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryChatMessageHistoryStoreTests {

	private Instant now = Instant.parse("2025-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return InMemoryChatMessageHistoryStoreTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	private static List<BaseMessage> messages(ChatMessageHistory history) {
		return history.getMessages().collectList().block();
	}

	@Test
	void sessionsAreKeptApart() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore();
		store.forSession("a").addMessages(List.of(new HumanMessage("for a"))).block();
		assertThat(messages(store.forSession("a"))).containsExactly(new HumanMessage("for a"));
		assertThat(messages(store.forSession("b"))).isEmpty();
		store.forSession("a").clear().block();
		assertThat(messages(store.forSession("a"))).isEmpty();
	}

	@Test
	void keepsOnlyTheMostRecentMessages() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(null, 3, this.clock);
		ChatMessageHistory history = store.forSession("s");
		IntStream.range(0, 5).forEach((i) -> history.addMessages(List.of(new HumanMessage("m" + i))).block());
		assertThat(messages(history)).extracting(BaseMessage::content).containsExactly("m2", "m3", "m4");
	}

	@Test
	void forgetsASessionNotWrittenForItsTimeToLive() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(Duration.ofMinutes(10), 0,
				this.clock);
		store.forSession("s").addMessages(List.of(new HumanMessage("hi"))).block();
		this.now = this.now.plus(Duration.ofMinutes(9));
		store.forSession("s").addMessages(List.of(new AIMessage("hello"))).block();
		this.now = this.now.plus(Duration.ofMinutes(9));
		assertThat(messages(store.forSession("s"))).hasSize(2);
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(messages(store.forSession("s"))).isEmpty();
	}

	@Test
	void concurrentAppendsKeepEachCallsMessagesTogether() throws Exception {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore();
		List<Thread> threads = IntStream.range(0, 8)
			.mapToObj((t) -> new Thread(() -> IntStream.range(0, 50)
				.forEach((i) -> store.forSession("s")
					.addMessages(List.of(new HumanMessage(t + ":" + i), new AIMessage(t + ":" + i)))
					.block())))
			.toList();
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		List<BaseMessage> all = messages(store.forSession("s"));
		assertThat(all).hasSize(800);
		for (int i = 0; i < all.size(); i += 2) {
			assertThat(all.get(i + 1).content()).isEqualTo(all.get(i).content());
		}
	}

	@Test
	void forgetsTheLeastRecentlyUsedSessionBeyondMaxSessions() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(null, 0, 2, Long.MAX_VALUE, this.clock);
		store.forSession("a").addMessages(List.of(new HumanMessage("for a"))).block();
		store.forSession("b").addMessages(List.of(new HumanMessage("for b"))).block();
		assertThat(messages(store.forSession("a"))).hasSize(1);
		store.forSession("c").addMessages(List.of(new HumanMessage("for c"))).block();
		assertThat(messages(store.forSession("b"))).as("b was used least recently").isEmpty();
		assertThat(messages(store.forSession("a"))).hasSize(1);
		assertThat(messages(store.forSession("c"))).hasSize(1);
		assertThat(store.sessionCount()).isEqualTo(2);
		assertThat(store.evictions()).isEqualTo(1);
	}

	@Test
	void staysWithinMaxBytesWhateverTheNumberOfSessions() {
		long maxBytes = 64 * 1024;
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(null, 0, 1_000_000, maxBytes, this.clock);
		String turn = "x".repeat(10_000);
		for (int i = 0; i < 200; i++) {
			store.forSession("s" + i).addMessages(List.of(new HumanMessage(turn), new AIMessage(turn))).block();
			assertThat(store.byteCount()).isLessThanOrEqualTo(maxBytes);
		}
		assertThat(store.sessionCount()).isEqualTo(3);
		assertThat(store.evictions()).isEqualTo(197);
		assertThat(messages(store.forSession("s199"))).hasSize(2);
	}

	@Test
	void aSessionLargerThanMaxBytesKeepsItsNewestMessages() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(null, 0, 10, 3_000, this.clock);
		ChatMessageHistory history = store.forSession("big");
		IntStream.range(0, 5).forEach((i) -> history.addMessages(List.of(new HumanMessage(i + "x".repeat(1_000)))).block());
		assertThat(messages(history)).extracting((m) -> m.content().charAt(0)).containsExactly('3', '4');
		assertThat(store.byteCount()).isLessThanOrEqualTo(3_000);
		assertThat(store.evictions()).isZero();
	}

	@Test
	void clearedAndExpiredSessionsGiveBackTheirBytes() {
		InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(Duration.ofMinutes(1), 0, 10, 1_000_000,
				this.clock);
		store.forSession("a").addMessages(List.of(new HumanMessage("hello"))).block();
		store.forSession("b").addMessages(List.of(new HumanMessage("hello"))).block();
		assertThat(store.byteCount()).isPositive();
		store.forSession("a").clear().block();
		this.now = this.now.plus(Duration.ofMinutes(2));
		store.evictExpired();
		assertThat(store.byteCount()).isZero();
		assertThat(store.sessionCount()).isZero();
		assertThat(store.evictions()).isZero();
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryChatMessageHistoryStore(null, 0, 0, 1, this.clock))
			.withMessageContaining("maxSessions");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryChatMessageHistoryStore(null, 0, 1, 0, this.clock))
			.withMessageContaining("maxBytes");
	}

}
