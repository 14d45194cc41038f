package dev.lcel.core.governance.cache;

/**
 * Hears what a {@link CachingChatModel} does, for metrics: each lookup's outcome, each stored
 * answer and each failure of the store. Called on the thread of the call; must not block. Every
 * method does nothing by default.
 */
public interface ResponseCacheListener {

	/** A listener that hears nothing. */
	ResponseCacheListener NONE = new ResponseCacheListener() {
	};

	/**
	 * Called when a call was answered from the cache.
	 */
	default void onHit() {
	}

	/**
	 * Called when a cacheable call was not in the cache and went to the model.
	 */
	default void onMiss() {
	}

	/**
	 * Called when a call's answer was stored.
	 * @param bytes the size of the stored answer
	 */
	default void onStore(int bytes) {
	}

	/**
	 * Called when the store failed to answer or to store; the call went on without the cache.
	 * @param error the store's failure
	 */
	default void onStoreError(Throwable error) {
	}

}
