package dev.lcel.core.remote;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One schema of a remote chain, fetched from its server and kept for a while. On a thread that
 * may block it is fetched when it is missing or stale; on a non-blocking thread (an event loop,
 * where a server reads a remote chain's schema to validate a request) it never blocks: the schema
 * last fetched is returned, or {@code {}} (any value) before the first, and a fetch is started in
 * the background.
 */
final class RemoteSchema {

	private final Supplier<Mono<JsonNode>> fetch;

	private final Duration ttl;

	private final AtomicBoolean fetching = new AtomicBoolean();

	private volatile @Nullable ObjectNode value;

	private volatile long fetchedAt;

	RemoteSchema(Supplier<Mono<JsonNode>> fetch, Duration ttl) {
		this.fetch = fetch;
		this.ttl = ttl;
	}

	/**
	 * Return the schema, fetching it when this thread may block and it is missing or stale.
	 * @param timeout the longest wait for a fetch on a blocking thread
	 * @return a copy of the schema; {@code {}} when it is not known yet on a non-blocking thread
	 */
	ObjectNode get(Duration timeout) {
		ObjectNode cached = this.value;
		if (cached != null && System.nanoTime() - this.fetchedAt < this.ttl.toNanos()) {
			return cached.deepCopy();
		}
		if (Schedulers.isInNonBlockingThread()) {
			refreshInBackground();
			return (cached != null) ? cached.deepCopy() : JsonNodeFactory.instance.objectNode();
		}
		ObjectNode fetched = fetchNow().block(timeout);
		return (fetched != null) ? fetched.deepCopy() : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Return the schema without blocking: the one kept while it is fresh, else a new fetch.
	 * @return the schema, lazily
	 */
	Mono<ObjectNode> fetchIfStale() {
		ObjectNode cached = this.value;
		if (cached != null && System.nanoTime() - this.fetchedAt < this.ttl.toNanos()) {
			return Mono.just(cached.deepCopy());
		}
		return fetchNow().map(ObjectNode::deepCopy);
	}

	private Mono<ObjectNode> fetchNow() {
		return Mono.defer(this.fetch).map((schema) -> {
			ObjectNode object = (schema instanceof ObjectNode node) ? node : JsonNodeFactory.instance.objectNode();
			this.value = object;
			this.fetchedAt = System.nanoTime();
			return object;
		});
	}

	private void refreshInBackground() {
		if (this.fetching.compareAndSet(false, true)) {
			fetchNow().doFinally((signal) -> this.fetching.set(false))
				.subscribeOn(Schedulers.boundedElastic())
				// A failed refresh keeps the schema there was; the next read tries again.
				.subscribe((schema) -> {
				}, (error) -> {
				});
		}
	}

}
