package dev.lcel.benchmarks.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Follows one SSE response as its bytes arrive and notes the first data, the end and any error:
 * in LangServe's protocol the first {@code data} event, the {@code end} event and any
 * {@code error} event; in OpenAI's ({@link #openAi()}) the first {@code data:} line after the
 * opening role chunk, {@code data: [DONE]} and any {@code data: {"error": ...}}.
 *
 * <p>Only the start of each line is looked at ({@code event:NAME}), byte by byte, so a line split
 * across network buffers is read correctly and nothing is copied into strings. Not thread-safe:
 * one per stream, fed in order by the connection's event loop.
 */
final class SseProgress {

	private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private final boolean openAi;

	/** How many OpenAI {@code data:} lines have been read. */
	private int dataLines;

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
	/** Follows a response in LangServe's protocol. */
	SseProgress() {
		this(false);
	}

	private SseProgress(boolean openAi) {
		this.openAi = openAi;
	}

	/**
	 * Returns a progress that follows a response in OpenAI's chat completions protocol.
	 * @return the progress
	 */
	static SseProgress openAi() {
		return new SseProgress(true);
	}

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
		if (this.openAi) {
			openAiLineEnded(nowNanos);
			return;
		}
		if (!startsWith(EVENT)) {
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

	private void openAiLineEnded(long nowNanos) {
		if (!startsWith(DATA)) {
			return;
		}
		String data = new String(this.line, DATA.length, this.lineLength - DATA.length, StandardCharsets.US_ASCII).trim();
		this.dataLines++;
		if (data.startsWith("[DONE]")) {
			this.ended = true;
		}
		else if (data.startsWith("{\"error\"")) {
			this.failed = true;
		}
		else if (this.dataLines == 2 && this.firstDataNanos == 0) {
			this.firstDataNanos = nowNanos;
		}
	}

	private boolean startsWith(byte[] prefix) {
		if (this.lineLength < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (this.line[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** When the first {@code data} event arrived, or 0 if none has. */
	long firstDataNanos() {
		return this.firstDataNanos;
	}

	/** Whether the stream finished as its protocol says a good stream does: with its end, data and no error. */
	boolean succeeded() {
		return this.ended && !this.failed && this.firstDataNanos != 0;
	}

}
