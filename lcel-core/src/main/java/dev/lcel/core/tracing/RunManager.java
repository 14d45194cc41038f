package dev.lcel.core.tracing;

import dev.lcel.core.config.RunnableConfig;
import reactor.core.publisher.Flux;

/**
 * One run as the runnable doing its work sees it: where the configs of its children come from,
 * so that they become runs of this run. Made by the run protocol and handed to a runnable's work
 * method; LangChain's run manager.
 *
 * <p>When nobody listens (no callback handlers) it is a thin holder of the caller's config, and
 * children get that config as it is.
 */
public interface RunManager {

	/**
	 * Return the config for a child run: this run's config, without its run name and id, with this
	 * run as the child's parent.
	 * @return the child's config
	 */
	RunnableConfig child();

	/**
	 * Return the config for a child run that carries {@code tag} on its own run only, as LangChain
	 * tags the steps of a sequence ({@code seq:step:N}), the branches of a parallel
	 * ({@code map:key:K}) and the attempts of a retry ({@code retry:attempt:N}).
	 * @param tag the child's tag
	 * @return the child's config
	 */
	RunnableConfig child(String tag);

	/**
	 * Return whether a handler reads this run's chunks one by one: a chat model asked for a whole
	 * answer then streams it anyway, reporting each chunk with {@link #onChunk}, as LangChain does
	 * when an event or log stream listens.
	 * @return {@code true} if chunks are watched
	 */
	boolean watchesChunks();

	/**
	 * Report a chunk of this run's output that the protocol does not see, such as a token of a
	 * chat model that was invoked rather than streamed. Does nothing when nobody watches.
	 * @param chunk the chunk
	 */
	void onChunk(Object chunk);

	/**
	 * Return {@code chunks} with each one reported with {@link #onChunk} as it passes, when a
	 * handler {@linkplain #watchesChunks() watches} them; else {@code chunks} as they are. Where the
	 * chunks become this run's streamed output, the run protocol reports them in the operator that
	 * already watches that output, with no operator of their own.
	 * @param <T> the chunk type
	 * @param chunks the chunks
	 * @return the chunks, reported as they pass
	 */
	default <T> Flux<T> reportChunks(Flux<T> chunks) {
		return watchesChunks() ? chunks.doOnNext(this::onChunk) : chunks;
	}

}
