package dev.lcel.autoconfigure.governance.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.lcel.core.governance.cache.ResponseCacheStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A {@link ResponseCacheStore} in Redis, shared by every instance that uses the same Redis and key
 * prefix: each answer one string key ({@code <prefix><key>}, the answer's JSON) with Redis's own
 * time to live, so Redis drops expired answers itself.
 */
final class RedisResponseCacheStore implements ResponseCacheStore {

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	RedisResponseCacheStore(ReactiveStringRedisTemplate redis, String prefix) {
		this.redis = redis;
		this.prefix = prefix;
	}

	@Override
	public Mono<byte[]> get(String key) {
		return this.redis.opsForValue().get(this.prefix + key).map((value) -> value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public Mono<Void> put(String key, byte[] value, Duration timeToLive) {
		return this.redis.opsForValue()
			.set(this.prefix + key, new String(value, StandardCharsets.UTF_8), timeToLive)
			.then();
	}

}
