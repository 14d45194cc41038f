package dev.lcel.core.governance.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryResponseCacheStoreTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

	private final InstantSource clock = this.now::get;

	@Test
	void keepsAtMostMaxEntriesEvictingTheLeastRecentlyUsed() {
		InMemoryResponseCacheStore store = new InMemoryResponseCacheStore(2, 1000, this.clock);
		put(store, "a", "1");
		put(store, "b", "2");
		assertThat(get(store, "a")).isEqualTo("1");
		put(store, "c", "3");
		assertThat(get(store, "b")).isNull();
		assertThat(get(store, "a")).isEqualTo("1");
		assertThat(get(store, "c")).isEqualTo("3");
		assertThat(store.size()).isEqualTo(2);
	}

	@Test
	void keepsAtMostMaxBytesAndNeverAnAnswerLargerThanThat() {
		InMemoryResponseCacheStore store = new InMemoryResponseCacheStore(100, 10, this.clock);
		put(store, "a", "aaaa");
		put(store, "b", "bbbb");
		put(store, "c", "cccc");
		assertThat(get(store, "a")).isNull();
		assertThat(store.bytes()).isEqualTo(8);
		put(store, "huge", "12345678901");
		assertThat(get(store, "huge")).isNull();
		assertThat(store.bytes()).isEqualTo(8);
		put(store, "b", "bb");
		assertThat(store.bytes()).isEqualTo(6);
	}

	@Test
	void answersExpireAfterTheirTimeToLive() {
		InMemoryResponseCacheStore store = new InMemoryResponseCacheStore(10, 1000, this.clock);
		store.put("a", "1".getBytes(), Duration.ofSeconds(10)).block();
		this.now.set(this.now.get().plusSeconds(9));
		assertThat(get(store, "a")).isEqualTo("1");
		this.now.set(this.now.get().plusSeconds(1));
		assertThat(get(store, "a")).isNull();
		assertThat(store.size()).isZero();
		assertThat(store.bytes()).isZero();
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryResponseCacheStore(0, 10)).withMessageContaining("maxEntries");
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryResponseCacheStore(10, 0)).withMessageContaining("maxBytes");
	}

	private static void put(InMemoryResponseCacheStore store, String key, String value) {
		store.put(key, value.getBytes(), Duration.ofMinutes(1)).block();
	}

	private static String get(InMemoryResponseCacheStore store, String key) {
		byte[] value = store.get(key).block();
		return (value != null) ? new String(value) : null;
	}

}
