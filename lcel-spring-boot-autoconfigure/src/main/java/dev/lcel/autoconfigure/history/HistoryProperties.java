package dev.lcel.autoconfigure.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the conversation stores that chains' {@code history} uses, under
 * {@code lcel.history}. The Redis store connects with Spring Boot's Redis connection
 * ({@code spring.data.redis.*}).
 *
 * @param redis Settings of the Redis store.
 * @param memory Bounds of the memory store.
 */
@ConfigurationProperties("lcel.history")
public record HistoryProperties(@DefaultValue Redis redis, @DefaultValue Memory memory) {

	/**
	 * Bounds of the memory store, per chain with {@code history: {store: memory}}: the least
	 * recently used conversations are forgotten beyond them.
	 *
	 * @param maxSessions The most conversations kept per chain.
	 * @param maxSize The most message data kept per chain, counted as the messages' JSON.
	 */
	public record Memory(@DefaultValue("10000") int maxSessions, @DefaultValue("64MB") DataSize maxSize) {

	}

	/**
	 * Settings of the Redis store.
	 *
	 * @param keyPrefix What every conversation's key starts with, followed by the chain's name, a
	 * colon and the session id.
	 */
	public record Redis(@DefaultValue("lcel:history:") String keyPrefix) {

	}

}
