package dev.lcel.autoconfigure.history;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;

import dev.lcel.core.history.ChatMessageHistoryStore;
import dev.lcel.core.history.InMemoryChatMessageHistoryStore;

/**
 * Creates the {@link ChatMessageHistoryStore} of a configured chain's {@code history}, for the
 * {@code store} it names ({@code memory}, {@code redis}). Define a bean of this type whose
 * {@link #store()} is one of those names to replace that store.
 */
public interface ChatMessageHistoryStoreFactory {

	/** The store names {@code lcel.chains.<name>.history.store} accepts out of the box. */
	java.util.List<String> STORES = java.util.List.of("memory", "redis");

	/**
	 * Return the name a chain's {@code history.store} gives this store by.
	 * @return the store's name
	 */
	String store();

	/**
	 * Create the store of one chain's conversations.
	 * @param chain the chain's name; conversations of different chains are kept apart
	 * @param timeToLive how long a conversation is kept after its last message; {@code null} for
	 * ever
	 * @param maxMessages the most messages kept per conversation; 0 for no limit
	 * @return the store
	 */
	ChatMessageHistoryStore create(String chain, Duration timeToLive, int maxMessages);

	/**
	 * Return the factory of the {@code memory} store with its default bounds: conversations in
	 * this JVM only.
	 * @return the factory
	 */
	static ChatMessageHistoryStoreFactory memory() {
		return memory(InMemoryChatMessageHistoryStore.DEFAULT_MAX_SESSIONS,
				InMemoryChatMessageHistoryStore.DEFAULT_MAX_BYTES, (chain, store) -> {
				});
	}

	/**
	 * Return the factory of the {@code memory} store: conversations in this JVM only, at most
	 * {@code maxSessions} and {@code maxBytes} per chain.
	 * @param maxSessions the most conversations kept per chain
	 * @param maxBytes the most bytes of messages kept per chain
	 * @param created told of every store made, with its chain's name (to observe it)
	 * @return the factory
	 */
	static ChatMessageHistoryStoreFactory memory(int maxSessions, long maxBytes,
			BiConsumer<String, InMemoryChatMessageHistoryStore> created) {
		return new ChatMessageHistoryStoreFactory() {

			@Override
			public String store() {
				return "memory";
			}

			@Override
			public ChatMessageHistoryStore create(String chain, Duration timeToLive, int maxMessages) {
				InMemoryChatMessageHistoryStore store = new InMemoryChatMessageHistoryStore(timeToLive, maxMessages,
						maxSessions, maxBytes, Clock.systemUTC());
				created.accept(chain, store);
				return store;
			}

		};
	}

}
