package dev.lcel.core.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

import dev.lcel.core.runnable.Addable;
import dev.lcel.core.runnable.ChunkAggregator;
import org.jspecify.annotations.Nullable;

/**
 * The chunks of one run's streamed input or output, kept for its end event: appended as they pass,
 * joined with {@link ChunkAggregator} once, when the end asks for them.
 *
 * <p>Where one run's stream is the next run's (a model's output is the parser's input, a parser's
 * output the sequence's), the later run shares the earlier run's chunks rather than keeping its
 * own: the earlier one is {@linkplain #offer offered} when its stream is subscribed, and each chunk
 * that arrives is checked to be the very object the earlier run kept at that position. The first
 * one that is not (an operator in between changed, dropped or added chunks) makes the later run copy
 * the prefix it shared and keep its own from there, so the result never depends on the sharing.
 * The join of a shared prefix is made once, for both runs, when it is text or {@link Addable}s
 * (values that are never modified); a map or list is built for each run.
 *
 * <p>One thread appends ({@link #add}, the stream's serial signals); any thread may read the chunks
 * appended so far ({@link #aggregate}, {@link #chunkAt}): a run may end while its input still
 * streams. Appending publishes each chunk with a release store, so reading takes no lock.
 */
final class CollectedChunks {

	/** The key under which a stream's subscriber tells the runs upstream whose chunks it collects. */
	static final Object CONSUMER = new Object();

	private static final VarHandle CHUNKS;

	private static final VarHandle COUNT;

	private static final VarHandle SHARED;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			CHUNKS = lookup.findVarHandle(CollectedChunks.class, "chunks", Object[].class);
			COUNT = lookup.findVarHandle(CollectedChunks.class, "count", int.class);
			SHARED = lookup.findVarHandle(CollectedChunks.class, "shared", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** This run's own chunks, once it keeps its own; {@code null} while it shares (or has none). */
	private Object @Nullable [] chunks;

	private int count;

	/** The earlier run's chunks, offered before the first chunk arrives. */
	private volatile @Nullable CollectedChunks offered;

	/** The chunks this run shares, fixed when its first chunk arrives. */
	private @Nullable CollectedChunks source;

	private boolean fixed;

	/** How many of {@link #source}'s first chunks are this run's. */
	private int shared;

	/** The last join made of a shared prefix, kept when it can be shared. */
	private volatile @Nullable Joined joined;

	/**
	 * Offer the chunks of the run whose stream this one receives: used if no chunk has arrived yet.
	 */
	void offer(CollectedChunks earlier) {
		if (earlier != this) {
			this.offered = earlier;
		}
	}

	/**
	 * Take the next chunk; called by one thread at a time.
	 */
	void add(Object chunk) {
		if (this.chunks == null) {
			if (!this.fixed) {
				this.source = this.offered;
				this.fixed = true;
			}
			CollectedChunks source = this.source;
			int shared = this.shared;
			if (source != null && source.chunkAt(shared) == chunk) {
				SHARED.setRelease(this, shared + 1);
				return;
			}
			Object[] own = new Object[Math.max(16, 2 * (shared + 1))];
			for (int i = 0; i < shared; i++) {
				own[i] = source.chunkAt(i);
			}
			COUNT.setRelease(this, shared);
			CHUNKS.setRelease(this, own);
		}
		append(chunk);
	}

	private void append(Object chunk) {
		int count = this.count;
		Object[] chunks = this.chunks;
		if (count == chunks.length) {
			chunks = Arrays.copyOf(chunks, 2 * count);
			CHUNKS.setRelease(this, chunks);
		}
		chunks[count] = chunk;
		COUNT.setRelease(this, count + 1);
	}

	/**
	 * Return the chunk at {@code index}, or {@code null} if it has not been appended (as far as the
	 * calling thread can see).
	 */
	@Nullable Object chunkAt(int index) {
		if (CHUNKS.getAcquire(this) == null) {
			return (index < (int) SHARED.getAcquire(this)) ? this.source.chunkAt(index) : null;
		}
		return (index < (int) COUNT.getAcquire(this)) ? ((Object[]) CHUNKS.getAcquire(this))[index] : null;
	}

	/**
	 * Return the join of the chunks appended so far.
	 * @return the aggregate, or {@code null} when there is none
	 */
	@Nullable Object aggregate() {
		if (CHUNKS.getAcquire(this) == null) {
			int shared = (int) SHARED.getAcquire(this);
			return (shared > 0) ? this.source.aggregate(shared) : null;
		}
		return aggregate((int) COUNT.getAcquire(this));
	}

	/**
	 * Return the join of the first {@code size} chunks, made once for all the runs that share them
	 * when it is a value nobody modifies.
	 */
	private @Nullable Object aggregate(int size) {
		if (CHUNKS.getAcquire(this) == null) {
			return this.source.aggregate(size);
		}
		Joined joined = this.joined;
		if (joined != null && joined.size == size) {
			return joined.value;
		}
		Object value = ChunkAggregator.joinAll((Object[]) CHUNKS.getAcquire(this), size);
		if (value instanceof String || value instanceof Addable<?>) {
			this.joined = new Joined(size, value);
		}
		return value;
	}

	private record Joined(int size, Object value) {
	}

}
