package dev.lcel.core.runnable;

import java.util.Map;

import dev.lcel.core.tracing.RunType;

/**
 * A delegating runnable whose calls are runs of their own around the delegate's: a retry around
 * its attempts, fallbacks around each runnable they try. It describes itself as the delegate
 * (name, types, schemas, graph), but its run is a chain whatever the delegate is, and carries no
 * metadata of its own: the delegate's runs carry theirs.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
interface RunAroundDelegate<I, O> extends DelegatingRunnable<I, O> {

	/**
	 * Return the type of the runnable's own run: a chain, whatever it wraps.
	 * @return {@link RunType#CHAIN}
	 */
	@Override
	default RunType runType() {
		return RunType.CHAIN;
	}

	/**
	 * Return no metadata of the runnable's own: the delegate's runs carry theirs.
	 * @return an empty map
	 */
	@Override
	default Map<String, Object> runMetadata() {
		return Map.of();
	}

}
