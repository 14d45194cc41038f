package dev.lcel.core.governance.cache;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where a response cache keeps its answers: opaque bytes under a {@link ResponseCacheKey}, each
 * for a time to live. {@link InMemoryResponseCacheStore} keeps them in this process; with Spring
 * Boot, a Redis store shares them between instances.
 *
 * <p>Both methods are lazy and must not block the subscribing thread. A failure (a store that is
 * down) is reported through the returned {@link Mono}; {@link CachingChatModel} then answers
 * from the model, as if the answer were not cached.
 */
public interface ResponseCacheStore {

	/**
	 * Return the answer stored under a key.
	 * @param key the key
	 * @return the stored bytes, or empty if there are none (never stored, expired or evicted)
	 */
	Mono<byte[]> get(String key);

	/**
	 * Store an answer under a key, replacing any stored before.
	 * @param key the key
	 * @param value the bytes
	 * @param timeToLive how long to keep them, positive
	 * @return completes when stored (or when the store decided not to keep them, such as a value
	 * larger than its bound)
	 */
	Mono<Void> put(String key, byte[] value, Duration timeToLive);

}
