package dev.lcel.autoconfigure.governance.cache;

import dev.lcel.core.governance.cache.ResponseCacheListener;

/**
 * Gives the response cache of each configured model its listener: with Micrometer, the one that
 * counts its hits, misses, stored answers and failures. Declare a bean of it to listen otherwise.
 */
@FunctionalInterface
public interface ResponseCacheListeners {

	/**
	 * Return the listener of a model's cache.
	 * @param model the model's configured name ({@code lcel.models.<name>})
	 * @return the listener
	 */
	ResponseCacheListener listener(String model);

}
