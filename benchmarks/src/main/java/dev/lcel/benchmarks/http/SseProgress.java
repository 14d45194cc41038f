package dev.lcel.benchmarks.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Follows one LangServe SSE response as its bytes arrive and notes the first {@code data} event,
 * the {@code end} event and any {@code error} event.
 *
 * <p>Only the start of each line is looked at ({@code event:NAME}), byte by byte, so a line split
 * across network buffers is read correctly and nothing is copied into strings. Not thread-safe:
 * one per stream, fed in order by the connection's event loop.
 */
final class SseProgress {

	private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

	/** The start of the current line; event names of interest are short. */
	private final byte[] line = new byte[24];

	private int lineLength;

	private long firstDataNanos;

	private boolean ended;

	private boolean failed;

	/**
	 * Reads the readable bytes of {@code buffer} without consuming them.
	 * @param buffer the next part of the response body
	 * @param nowNanos when it arrived ({@link System#nanoTime()})
	 */
	void feed(ByteBuf buffer, long nowNanos) {
		for (int i = buffer.readerIndex(); i < buffer.writerIndex(); i++) {
			byte b = buffer.getByte(i);
			if (b == '\n' || b == '\r') {
				lineEnded(nowNanos);
				this.lineLength = 0;
			}
			else if (this.lineLength < this.line.length) {
				this.line[this.lineLength++] = b;
			}
		}
	}

	private void lineEnded(long nowNanos) {
		if (!startsWithEvent()) {
			return;
		}
		String name = new String(this.line, EVENT.length, this.lineLength - EVENT.length, StandardCharsets.US_ASCII).trim();
		if (name.equals("data") && this.firstDataNanos == 0) {
			this.firstDataNanos = nowNanos;
		}
		else if (name.equals("end")) {
			this.ended = true;
		}
		else if (name.equals("error")) {
			this.failed = true;
		}
	}

	private boolean startsWithEvent() {
		if (this.lineLength < EVENT.length) {
			return false;
		}
		for (int i = 0; i < EVENT.length; i++) {
			if (this.line[i] != EVENT[i]) {
				return false;
			}
		}
		return true;
	}

	/** When the first {@code data} event arrived, or 0 if none has. */
	long firstDataNanos() {
		return this.firstDataNanos;
	}

	/** Whether the stream finished as LangServe says a good stream does: with {@code end} and no {@code error}. */
	boolean succeeded() {
		return this.ended && !this.failed && this.firstDataNanos != 0;
	}

}
