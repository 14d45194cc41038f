package dev.lcel.autoconfigure.governance;

import java.util.Objects;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The part of a Redis that one store of rate limits or quotas writes: its keys are the store's own
 * names behind a configured prefix, so that several applications or tests can share one server.
 *
 * @param redis the client
 * @param prefix put before every key, such as {@code lcel:rate:}
 */
record RedisKeyspace(ReactiveStringRedisTemplate redis, String prefix) {

	RedisKeyspace {
		Objects.requireNonNull(redis, "redis must not be null");
		Objects.requireNonNull(prefix, "prefix must not be null");
	}

	/** The Redis key of a name of the store. */
	String key(String name) {
		return this.prefix + name;
	}

}
