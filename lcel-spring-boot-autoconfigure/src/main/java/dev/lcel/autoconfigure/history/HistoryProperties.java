package dev.lcel.autoconfigure.history;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the conversation stores that chains' {@code history} uses, under
 * {@code lcel.history}. The Redis store connects with Spring Boot's Redis connection
 * ({@code spring.data.redis.*}).
 */
@ConfigurationProperties("lcel.history")
public class HistoryProperties {

	private final Redis redis = new Redis();

	public Redis getRedis() {
		return this.redis;
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
