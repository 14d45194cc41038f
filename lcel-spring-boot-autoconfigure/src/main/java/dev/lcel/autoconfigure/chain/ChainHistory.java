package dev.lcel.autoconfigure.chain;

import dev.lcel.autoconfigure.history.ChatMessageHistoryStoreFactory;
import dev.lcel.core.history.ChatMessageHistoryStore;
import dev.lcel.core.history.RunnableWithMessageHistory;
import dev.lcel.core.runnable.Runnable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Wraps a configured chain that has a {@code history} in a {@link RunnableWithMessageHistory},
 * checking the definition on the way (problems are collected with their property paths). The
 * store is created on the chain's first call, by the {@link ChatMessageHistoryStoreFactory} bean
 * of the store's name.
 */
final class ChainHistory {

	private static final String REDIS_TEMPLATE = "org.springframework.data.redis.core.ReactiveStringRedisTemplate";

	private final ListableBeanFactory beans;

	private final Problems problems;

	ChainHistory(ListableBeanFactory beans, Problems problems) {
		this.beans = beans;
		this.problems = problems;
	}

	/**
	 * Return the chain run as a turn of a conversation.
	 * @param chain the chain's name
	 * @param path the property path of its {@code history}
	 * @param history the definition
	 * @param runnable the chain
	 * @return the chain with its history; an invalid step if the definition has problems
	 */
	Runnable<Object, Object> wrap(String chain, String path, HistoryDefinition history, Runnable<Object, Object> runnable) {
		String store = history.store();
		// Checked from the definition alone: the factories are beans, created only on first call.
		if (!check(path, history)) {
			return this.problems.standIn(path);
		}
		SingletonSupplier<ChatMessageHistoryStore> stores = SingletonSupplier
			.of(() -> factory(path, store).create(chain, history.ttl(), history.maxMessages()));
		return RunnableWithMessageHistory.builder(runnable, (sessionId) -> stores.obtain().forSession(sessionId))
			.inputMessagesKey(blankToNull(history.inputKey()))
			.historyMessagesKey(blankToNull(history.historyKey()))
			.outputMessagesKey(blankToNull(history.outputKey()))
			.sessionIdKey(history.sessionIdKey())
			.build();
	}

	private boolean check(String path, HistoryDefinition history) {
		int before = this.problems.count();
		String store = history.store();
		if (store == null || !ChatMessageHistoryStoreFactory.STORES.contains(store)) {
			this.problems.add(path + ".store", "unknown store '" + store + "'; stores: " + ChatMessageHistoryStoreFactory.STORES);
		}
		else if ("redis".equals(store) && !ClassUtils.isPresent(REDIS_TEMPLATE, null)) {
			this.problems.add(path + ".store", "the redis store needs Spring Data Redis; add "
					+ "org.springframework.boot:spring-boot-starter-data-redis-reactive and set spring.data.redis.url");
		}
		if (history.ttl() != null && history.ttl().isNegative()) {
			this.problems.add(path + ".ttl", "must not be negative, was " + history.ttl());
		}
		if (history.maxMessages() < 0) {
			this.problems.add(path + ".max-messages", "must not be negative, was " + history.maxMessages());
		}
		if (history.sessionIdKey() == null || history.sessionIdKey().isBlank()) {
			this.problems.add(path + ".session-id-key", "must not be empty");
		}
		return this.problems.count() == before;
	}

	private ChatMessageHistoryStoreFactory factory(String path, String store) {
		return this.beans.getBeanProvider(ChatMessageHistoryStoreFactory.class)
			.orderedStream()
			.filter((factory) -> factory.store().equals(store))
			.findFirst()
			.orElseGet(() -> {
				if ("memory".equals(store)) {
					return ChatMessageHistoryStoreFactory.memory();
				}
				throw new IllegalStateException(path + ".store: no '" + store + "' store is configured; for redis, "
						+ "add spring-boot-starter-data-redis-reactive and configure spring.data.redis.* "
						+ "(a ReactiveRedisConnectionFactory)");
			});
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
