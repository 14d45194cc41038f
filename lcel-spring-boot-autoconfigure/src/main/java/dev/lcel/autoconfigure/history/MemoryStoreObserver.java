package dev.lcel.autoconfigure.history;

import dev.lcel.core.history.InMemoryChatMessageHistoryStore;

/**
 * Told of every memory store the {@code memory} factory makes, with its chain's name: how metrics
 * see the stores without the factory knowing about Micrometer.
 */
@FunctionalInterface
interface MemoryStoreObserver {

	/**
	 * Observe a store.
	 * @param chain the chain whose conversations it keeps
	 * @param store the store
	 */
	void bind(String chain, InMemoryChatMessageHistoryStore store);

}
