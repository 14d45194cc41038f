package dev.lcel.autoconfigure.governance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token quotas per caller, under {@code lcel.governance.quotas}: each key (the authenticated
 * principal, a header or a metadata value of the request) may spend {@code tokens-per-window}
 * tokens per window over the chain routes; past that, its runs' model calls are refused with a 429
 * until the next window.
 */
@ConfigurationProperties("lcel.governance.quotas")
public class QuotasProperties {

	/** Whether chain requests are metered by quota. */
	private boolean enabled;

	/** The tokens, input and output, each key may spend per window. */
	private long tokensPerWindow = 1_000_000;

	/** The length of a window; windows are aligned to the epoch (a day starts at midnight UTC). */
	private Duration window = Duration.ofDays(1);

	/** Where the counts live: memory (per instance) or redis (shared by every instance). */
	private GovernanceStore store = GovernanceStore.MEMORY;

	private final Key key = new Key();

	private final Memory memory = new Memory();

	private final Redis redis = new Redis();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public long getTokensPerWindow() {
		return this.tokensPerWindow;
	}

	public void setTokensPerWindow(long tokensPerWindow) {
		this.tokensPerWindow = tokensPerWindow;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public GovernanceStore getStore() {
		return this.store;
	}

	public void setStore(GovernanceStore store) {
		this.store = store;
	}

	public Key getKey() {
		return this.key;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * What a request's quota key is.
	 */
	public static class Key {

		/** Where the key comes from: principal, header or metadata. */
		private KeySource source = KeySource.PRINCIPAL;

		/** The header's name (source header) or the run metadata key (source metadata). */
		private String name = "";

		/** The key of requests that have none (no principal, no header): one budget they share. */
		private String anonymous = "anonymous";

		public KeySource getSource() {
			return this.source;
		}

		public void setSource(KeySource source) {
			this.source = source;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAnonymous() {
			return this.anonymous;
		}

		public void setAnonymous(String anonymous) {
			this.anonymous = anonymous;
		}

	}

	/**
	 * Where a request's quota key comes from.
	 */
	public enum KeySource {

		/** The name of the authenticated principal (Spring Security, or any filter that sets one). */
		PRINCIPAL,

		/** A request header, such as one an API gateway sets after authenticating the caller. */
		HEADER,

		/** A value of the run's metadata, put there by an earlier {@code ChainRequestConfigCustomizer}. */
		METADATA

	}

	/**
	 * Bounds of the memory store.
	 */
	public static class Memory {

		/** The most keys counted; past that the least recently used key's count is forgotten. */
		private int maxKeys = 100_000;

		public int getMaxKeys() {
			return this.maxKeys;
		}

		public void setMaxKeys(int maxKeys) {
			this.maxKeys = maxKeys;
		}

	}

	/**
	 * Settings of the Redis store.
	 */
	public static class Redis {

		/** What every count's key starts with, followed by the quota key and the window's number. */
		private String keyPrefix = "lcel:quota:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
