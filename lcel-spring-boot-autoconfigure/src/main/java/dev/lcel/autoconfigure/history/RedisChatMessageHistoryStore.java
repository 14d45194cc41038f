package dev.lcel.autoconfigure.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lcel.core.history.ChatMessageHistory;
import dev.lcel.core.history.ChatMessageHistoryStore;
import dev.lcel.core.history.StoredMessages;
import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link ChatMessageHistoryStore} in Redis, which every instance of an application shares: a
 * conversation is a Redis list under {@code <key prefix><session id>}, one JSON message (with its
 * {@code type}) per element, oldest first.
 *
 * <p>An append is one Lua script, atomic on the server: it pushes the messages, trims the list to
 * the most recent {@code maxMessages} and resets the key's time to live. Appends from concurrent
 * calls and instances thus never interleave within one call's messages, and a conversation
 * expires {@code timeToLive} after its last message. Every operation is non-blocking (Lettuce).
 */
public final class RedisChatMessageHistoryStore implements ChatMessageHistoryStore {

	private static final RedisScript<Long> APPEND = RedisScript.of("""
			local key = KEYS[1]
			local max = tonumber(ARGV[1])
			local ttl = tonumber(ARGV[2])
			for i = 3, #ARGV do
			  redis.call('RPUSH', key, ARGV[i])
			end
			if max > 0 then
			  redis.call('LTRIM', key, -max, -1)
			end
			if ttl > 0 then
			  redis.call('PEXPIRE', key, ttl)
			end
			return redis.call('LLEN', key)
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private final long timeToLiveMillis;

	private final int maxMessages;

	/**
	 * Create a store.
	 * @param redis the template of the Redis connection
	 * @param keyPrefix what every key starts with, before the session id
	 * @param timeToLive how long a conversation is kept after its last message; {@code null} or
	 * zero for ever
	 * @param maxMessages the most messages kept per conversation; 0 for no limit
	 */
	public RedisChatMessageHistoryStore(ReactiveStringRedisTemplate redis, String keyPrefix, Duration timeToLive,
			int maxMessages) {
		this.redis = Objects.requireNonNull(redis, "redis must not be null");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
		if (timeToLive != null && timeToLive.isNegative()) {
			throw new IllegalArgumentException("timeToLive must not be negative, was " + timeToLive);
		}
		if (maxMessages < 0) {
			throw new IllegalArgumentException("maxMessages must not be negative, was " + maxMessages);
		}
		this.timeToLiveMillis = (timeToLive != null) ? timeToLive.toMillis() : 0;
		this.maxMessages = maxMessages;
	}

	@Override
	public ChatMessageHistory forSession(String sessionId) {
		Objects.requireNonNull(sessionId, "sessionId must not be null");
		return new SessionHistory(this.keyPrefix + sessionId);
	}

	/** One conversation: the Redis list under its key. */
	private final class SessionHistory implements ChatMessageHistory {

		private final String key;

		private SessionHistory(String key) {
			this.key = key;
		}

		@Override
		public Flux<BaseMessage> getMessages() {
			return RedisChatMessageHistoryStore.this.redis.opsForList()
				.range(this.key, 0, -1)
				.map(StoredMessages::fromJson);
		}

		@Override
		public Mono<Void> addMessages(List<? extends BaseMessage> messages) {
			List<BaseMessage> stored = StoredMessages.of(messages);
			if (stored.isEmpty()) {
				return Mono.empty();
			}
			List<String> arguments = new ArrayList<>(stored.size() + 2);
			arguments.add(String.valueOf(RedisChatMessageHistoryStore.this.maxMessages));
			arguments.add(String.valueOf(RedisChatMessageHistoryStore.this.timeToLiveMillis));
			stored.forEach((message) -> arguments.add(StoredMessages.toJson(message)));
			return RedisChatMessageHistoryStore.this.redis.execute(APPEND, List.of(this.key), arguments).then();
		}

		@Override
		public Mono<Void> clear() {
			return RedisChatMessageHistoryStore.this.redis.delete(this.key).then();
		}

	}

}
