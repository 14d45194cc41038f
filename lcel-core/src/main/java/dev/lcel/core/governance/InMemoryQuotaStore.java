package dev.lcel.core.governance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * A {@link QuotaStore} in this JVM, for one instance: the counts of the current windows, bounded
 * to {@code maxKeys} (past that, the least recently used count is forgotten, which grants its key a
 * fresh budget). A key's count of an older window is replaced by its next window's.
 */
public final class InMemoryQuotaStore implements QuotaStore {

	private final Map<String, long[]> counts;

	/**
	 * Create a store.
	 * @param maxKeys the most keys counted, positive
	 */
	public InMemoryQuotaStore(int maxKeys) {
		if (maxKeys <= 0) {
			throw new IllegalArgumentException("maxKeys must be positive, was " + maxKeys);
		}
		this.counts = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
				return size() > maxKeys;
			}

		};
	}

	@Override
	public Mono<Long> spent(String key, long window) {
		Objects.requireNonNull(key, "key must not be null");
		return Mono.fromSupplier(() -> count(key, window, 0));
	}

	@Override
	public Mono<Long> add(String key, long window, long tokens, Duration timeToLive) {
		Objects.requireNonNull(key, "key must not be null");
		return Mono.fromSupplier(() -> count(key, window, tokens));
	}

	/** Each entry is {window, tokens}. */
	private synchronized long count(String key, long window, long tokens) {
		long[] count = this.counts.get(key);
		if (count == null || count[0] != window) {
			if (tokens == 0) {
				return 0;
			}
			count = new long[] { window, 0 };
			this.counts.put(key, count);
		}
		count[1] += tokens;
		return count[1];
	}

}
