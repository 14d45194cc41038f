package dev.lcel.core.tracing;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes the ids of runs as LangChain does today: version 7 UUIDs (RFC 9562), whose first 48 bits
 * are the milliseconds since the epoch, so that ids sort by the time the runs started, and whose
 * other 74 bits are random.
 *
 * <p>The random bits come from {@link SecureRandom}, as those of {@link UUID#randomUUID()} do, so
 * ids are as unique across threads and processes, and as hard to guess; but they are drawn in
 * blocks of {@value #BLOCK} bytes, each block from one of a few generators chosen by the calling
 * thread, instead of 16 bytes from one shared generator for every id. Safe to use concurrently,
 *; never blocks but for the moment a block is refilled.
 */
public final class RunIds {

	/** The random bytes drawn at once: enough for 128 ids. */
	static final int BLOCK = 2048;

	private static final Source[] SOURCES = sources(Runtime.getRuntime().availableProcessors());

	private RunIds() {
	}

	/**
	 * Return a new run id.
	 * @return a version 7 UUID for a run that starts now
	 */
	public static UUID next() {
		long millis = System.currentTimeMillis();
		Source source = SOURCES[(int) Thread.currentThread().getId() & (SOURCES.length - 1)];
		long high;
		long low;
		synchronized (source) {
			high = source.nextLong();
			low = source.nextLong();
		}
		// 48 bits of time, the version (7), 12 random bits; the variant (0b10), 62 random bits.
		return new UUID((millis << 16) | 0x7000L | (high & 0x0fffL),
				(low & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L);
	}

	/** A power of two at least twice the processors, so that threads rarely share a source. */
	private static Source[] sources(int processors) {
		int count = Integer.highestOneBit(Math.max(1, processors) * 2 - 1) << 1;
		Source[] sources = new Source[count];
		for (int i = 0; i < count; i++) {
			sources[i] = new Source();
		}
		return sources;
	}

	/** One generator and the block of random bytes it drew last; guarded by itself. */
	private static final class Source {

		private final SecureRandom random = new SecureRandom();

		private final ByteBuffer block = ByteBuffer.allocate(BLOCK).position(BLOCK);

		long nextLong() {
			if (this.block.remaining() < Long.BYTES) {
				this.random.nextBytes(this.block.array());
				this.block.clear();
			}
			return this.block.getLong();
		}

	}

}
