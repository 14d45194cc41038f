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

}
