package dev.lcel.core.tracing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Makes the ids of runs as LangChain does today: version 7 UUIDs (RFC 9562), whose first 48 bits
 * are the milliseconds since the epoch, so that ids sort by the time the runs started, and whose
 * other 74 bits are random.
 *
 * <p>The random bits are as unique across threads and processes, and as hard to guess, as those of
 * {@link UUID#randomUUID()}, but cost a fraction of a {@link SecureRandom} call each: they are an
 * AES-256 key stream in counter mode (the construction of NIST's {@code CTR_DRBG}), whose key and
 * initial counter are drawn from {@link SecureRandom} and replaced every {@value #REKEY} blocks of
 * {@value #BLOCK} bytes (32,768 ids), in one of a few generators chosen by the calling thread. Where
 * the JDK offers no AES cipher, the blocks are drawn from {@link SecureRandom} itself. Safe to use
 * concurrently; never blocks but for the moment a block is refilled.
 */
public final class RunIds {

	/** The random bytes made at once: enough for 128 ids. */
	static final int BLOCK = 2048;

	/** The blocks made with one key (a new key costs about as much as a few hundred ids). */
	static final int REKEY = 256;

	private static final byte[] ZEROS = new byte[BLOCK];

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

	/** One generator and the block of random bytes it made last; guarded by itself. */
	private static final class Source {

		private final SecureRandom seeds = new SecureRandom();

		/** The key stream's cipher; {@code null} where the JDK has none, or it failed. */
		private @Nullable Cipher cipher;

		private final byte[] block = new byte[BLOCK];

		private int position = BLOCK;

		private int blocks;

		Source() {
			try {
				this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
				rekey(this.cipher);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				this.cipher = null;
			}
		}

		long nextLong() {
			if (this.position > BLOCK - Long.BYTES) {
				refill();
			}
			long value = 0;
			for (int i = 0; i < Long.BYTES; i++) {
				value = (value << 8) | (this.block[this.position++] & 0xff);
			}
			return value;
		}

		private void refill() {
			this.position = 0;
			Cipher cipher = this.cipher;
			if (cipher != null) {
				try {
					if (++this.blocks % REKEY == 0) {
						rekey(cipher);
					}
					cipher.update(ZEROS, 0, BLOCK, this.block, 0);
					return;
				}
				catch (GeneralSecurityException | RuntimeException ex) {
					// Not expected once the cipher works; the generator's own bytes are as good.
					this.cipher = null;
				}
			}
			this.seeds.nextBytes(this.block);
		}

		private void rekey(Cipher cipher) throws GeneralSecurityException {
			byte[] key = new byte[32];
			byte[] counter = new byte[16];
			this.seeds.nextBytes(key);
			this.seeds.nextBytes(counter);
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
		}

	}

}
