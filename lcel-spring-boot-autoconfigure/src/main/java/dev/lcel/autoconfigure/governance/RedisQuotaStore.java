package dev.lcel.autoconfigure.governance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.governance.QuotaStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link QuotaStore} in Redis, shared by every instance: one counter per key and window
 * ({@code <prefix><key>:<window>}), added to with one atomic script that also sets its time to
 * live, so a window's counts disappear on their own.
 */
final class RedisQuotaStore implements QuotaStore {

	private static final RedisScript<Long> ADD = RedisScript.of("""
			local count = redis.call('INCRBY', KEYS[1], ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return count
			""", Long.class);

	private final RedisKeyspace keyspace;

	RedisQuotaStore(RedisKeyspace keyspace) {
		this.keyspace = Objects.requireNonNull(keyspace, "keyspace must not be null");
	}

	@Override
	public Mono<Long> spent(String key, long window) {
		return this.keyspace.redis().opsForValue().get(key(key, window)).map(Long::parseLong).defaultIfEmpty(0L);
	}

	@Override
	public Mono<Long> add(String key, long window, long tokens, Duration timeToLive) {
		return this.keyspace.redis()
			.execute(ADD, List.of(key(key, window)), List.of(String.valueOf(tokens), String.valueOf(timeToLive.toMillis())))
			.next();
	}

	private String key(String key, long window) {
		return this.keyspace.key(key + ":" + window);
	}

}
