package dev.lcel.core.governance.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * A {@link ResponseCacheStore} in this process's memory, bounded in entries and in bytes: when a
 * new answer would go over either bound, the least recently used answers are evicted; an answer
 * larger than the byte bound on its own is not stored. Expired answers are never returned and are
 * dropped when met. Thread-safe; every operation is a few map operations under one lock.
 */
public final class InMemoryResponseCacheStore implements ResponseCacheStore {

	private final int maxEntries;

	private final long maxBytes;

	private final InstantSource clock;

	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long bytes;

	/**
	 * Create a store with the system clock.
	 * @param maxEntries the most answers kept, at least 1
	 * @param maxBytes the most bytes of answers kept, at least 1
	 */
	public InMemoryResponseCacheStore(int maxEntries, long maxBytes) {
		this(maxEntries, maxBytes, InstantSource.system());
	}

	/**
	 * Create a store whose entries expire by the given clock (a test's clock).
	 * @param maxEntries the most answers kept, at least 1
	 * @param maxBytes the most bytes of answers kept, at least 1
	 * @param clock the clock
	 */
	public InMemoryResponseCacheStore(int maxEntries, long maxBytes, InstantSource clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
		}
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
		}
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public Mono<byte[]> get(String key) {
		Objects.requireNonNull(key, "key must not be null");
		return Mono.fromSupplier(() -> find(key));
	}

	@Override
	public Mono<Void> put(String key, byte[] value, Duration timeToLive) {
		Objects.requireNonNull(key, "key must not be null");
		Objects.requireNonNull(value, "value must not be null");
		Objects.requireNonNull(timeToLive, "timeToLive must not be null");
		return Mono.fromRunnable(() -> store(key, value, timeToLive));
	}

	/**
	 * Return the number of answers kept, expired ones included until they are met.
	 * @return the number of answers
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	/**
	 * Return the bytes of the answers kept.
	 * @return the bytes
	 */
	public synchronized long bytes() {
		return this.bytes;
	}

	private synchronized byte[] find(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.expiresAt())) {
			remove(key);
			return null;
		}
		return entry.value();
	}

	private synchronized void store(String key, byte[] value, Duration timeToLive) {
		remove(key);
		if (value.length > this.maxBytes) {
			return;
		}
		Iterator<Map.Entry<String, Entry>> eldest = this.entries.entrySet().iterator();
		while (eldest.hasNext() && (this.entries.size() >= this.maxEntries || this.bytes + value.length > this.maxBytes)) {
			this.bytes -= eldest.next().getValue().value().length;
			eldest.remove();
		}
		this.entries.put(key, new Entry(value.clone(), this.clock.instant().plus(timeToLive)));
		this.bytes += value.length;
	}

	private void remove(String key) {
		Entry removed = this.entries.remove(key);
		if (removed != null) {
			this.bytes -= removed.value().length;
		}
	}

	private record Entry(byte[] value, Instant expiresAt) {
	}

}
