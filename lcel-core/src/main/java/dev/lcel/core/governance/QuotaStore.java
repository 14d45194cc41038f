package dev.lcel.core.governance;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where a {@link WindowedTokenQuota} counts the tokens of each key in each window.
 * {@link InMemoryQuotaStore} serves one instance; a shared store (Redis) counts for a fleet.
 */
public interface QuotaStore {

	/**
	 * Return the tokens a key spent in a window.
	 * @param key the caller's key
	 * @param window the window's number (its start divided by its length)
	 * @return the tokens, 0 when none were counted
	 */
	Mono<Long> spent(String key, long window);

	/**
	 * Add tokens to a key's count in a window, atomically.
	 * @param key the caller's key
	 * @param window the window's number
	 * @param tokens the tokens to add
	 * @param timeToLive how long the count must be kept at least (past the window's end)
	 * @return the count after adding
	 */
	Mono<Long> add(String key, long window, long tokens, Duration timeToLive);

}
