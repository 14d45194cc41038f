package dev.lcel.autoconfigure.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the conversation stores that chains' {@code history} uses, under
 * {@code lcel.history}. The Redis store connects with Spring Boot's Redis connection
 * ({@code spring.data.redis.*}).
 */
@ConfigurationProperties("lcel.history")
public class HistoryProperties {

	private final Redis redis = new Redis();

	private final Memory memory = new Memory();

	public Redis getRedis() {
		return this.redis;
	}

	public Memory getMemory() {
		return this.memory;
	}

	/**
	 * Bounds of the memory store, per chain with {@code history: {store: memory}}: the least
	 * recently used conversations are forgotten beyond them.
	 */
	public static class Memory {

		/** The most conversations kept per chain. */
		private int maxSessions = 10_000;

		/** The most message data kept per chain, counted as the messages' JSON. */
		private DataSize maxSize = DataSize.ofMegabytes(64);

		public int getMaxSessions() {
			return this.maxSessions;
		}

		public void setMaxSessions(int maxSessions) {
			this.maxSessions = maxSessions;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Settings of the Redis store.
	 */
	public static class Redis {

		/** What every conversation's key starts with, followed by the chain's name, a colon and the session id. */
		private String keyPrefix = "lcel:history:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
