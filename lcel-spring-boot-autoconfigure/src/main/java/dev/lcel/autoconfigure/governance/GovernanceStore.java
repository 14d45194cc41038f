package dev.lcel.autoconfigure.governance;

/**
 * Where rate limits and quotas keep their counts.
 */
public enum GovernanceStore {

	/** In this instance's memory: each instance has its own budget. */
	MEMORY,

	/** In Redis ({@code spring.data.redis.*}): every instance spends one shared budget. */
	REDIS

}
