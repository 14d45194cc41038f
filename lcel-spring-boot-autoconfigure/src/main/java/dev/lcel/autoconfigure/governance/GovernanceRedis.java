package dev.lcel.autoconfigure.governance;

import dev.lcel.core.governance.QuotaStore;
import dev.lcel.core.governance.RateLimitStore;

import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Makes the Redis stores of rate limits and quotas over Spring Boot's Redis connection; exists
 * only when Spring Data Redis is on the classpath and a connection is configured.
 */
final class GovernanceRedis {

	private final ReactiveStringRedisTemplate redis;

	GovernanceRedis(ReactiveRedisConnectionFactory connections) {
		this.redis = new ReactiveStringRedisTemplate(connections);
	}

	RateLimitStore rateLimitStore(String keyPrefix) {
		return new RedisRateLimitStore(new RedisKeyspace(this.redis, keyPrefix));
	}

	QuotaStore quotaStore(String keyPrefix) {
		return new RedisQuotaStore(new RedisKeyspace(this.redis, keyPrefix));
	}

}
