package dev.lcel.autoconfigure.history;

import dev.lcel.core.history.InMemoryChatMessageHistoryStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Meters of each chain's memory conversation store: {@code lcel.history.evictions} (conversations
 * forgotten to stay within the bounds), {@code lcel.history.sessions} and
 * {@code lcel.history.size} (bytes), each tagged with the chain's name.
 */
final class MemoryHistoryMetrics implements MemoryStoreObserver {

	private final ObjectProvider<MeterRegistry> registry;

	MemoryHistoryMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void bind(String chain, InMemoryChatMessageHistoryStore store) {
		this.registry.ifAvailable((meters) -> {
			FunctionCounter.builder("lcel.history.evictions", store, InMemoryChatMessageHistoryStore::evictions)
				.description("Conversations the memory store forgot to stay within its bounds")
				.tag("chain", chain)
				.register(meters);
			Gauge.builder("lcel.history.sessions", store, InMemoryChatMessageHistoryStore::sessionCount)
				.description("Conversations in the memory store")
				.tag("chain", chain)
				.register(meters);
			Gauge.builder("lcel.history.size", store, InMemoryChatMessageHistoryStore::byteCount)
				.description("Bytes of messages in the memory store")
				.baseUnit("bytes")
				.tag("chain", chain)
				.register(meters);
		});
	}

}
