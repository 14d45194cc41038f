package dev.lcel.autoconfigure.governance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token quotas per caller, under {@code lcel.governance.quotas}: each key (the authenticated
 * principal, a header or a metadata value of the request) may spend {@code tokens-per-window}
 * tokens per window over the chain routes; past that, its runs' model calls are refused with a 429
 * until the next window.
 *
 * @param enabled Whether chain requests are metered by quota.
 * @param tokensPerWindow The tokens, input and output, each key may spend per window.
 * @param window The length of a window; windows are aligned to the epoch (a day starts at midnight
 * UTC).
 * @param store Where the counts live: memory (per instance) or redis (shared by every instance).
 * @param key What a request's quota key is.
 * @param memory Bounds of the memory store.
 * @param redis Settings of the Redis store.
 */
@ConfigurationProperties("lcel.governance.quotas")
public record QuotasProperties(boolean enabled, @DefaultValue("1000000") long tokensPerWindow,
		@DefaultValue("1d") Duration window, @DefaultValue("memory") GovernanceStore store, @DefaultValue Key key,
		@DefaultValue Memory memory, @DefaultValue Redis redis) {

	/**
	 * What a request's quota key is.
	 *
	 * @param source Where the key comes from: principal, header or metadata.
	 * @param name The header's name (source header) or the run metadata key (source metadata).
	 * @param anonymous The key of requests that have none (no principal, no header): one budget they
	 * share.
	 */
	public record Key(@DefaultValue("principal") KeySource source, @DefaultValue("") String name,
			@DefaultValue("anonymous") String anonymous) {
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
	 *
	 * @param maxKeys The most keys counted; past that the least recently used key's count is
	 * forgotten.
	 */
	public record Memory(@DefaultValue("100000") int maxKeys) {
	}

	/**
	 * Settings of the Redis store.
	 *
	 * @param keyPrefix What every count's key starts with, followed by the quota key and the
	 * window's number.
	 */
	public record Redis(@DefaultValue("lcel:quota:") String keyPrefix) {
	}

}
