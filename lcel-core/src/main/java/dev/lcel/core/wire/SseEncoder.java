package dev.lcel.core.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * Writes server-sent events straight into buffers: {@code event:NAME} (when the event has a name),
 * {@code data:} and the data's JSON as Jackson writes it into the buffer, then a blank line. The
 * bytes are exactly those of Spring's {@code ServerSentEvent} writer for the same event, without its
 * intermediate strings: one buffer per event, written once.
 *
 * <p>The data is always written on one line: the mapper's indenting is turned off, and JSON has no
 * raw line breaks otherwise. {@link #body} writes a stream of encoded events as a response,
 * flushing each, as Spring's writer does.
 */
public final class SseEncoder {

	/** The media type of an event stream, as Spring's writer sends it: {@code text/event-stream;charset=UTF-8}. */
	public static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

	private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private static final int INITIAL_CAPACITY = 256;

	private final ObjectWriter writer;

	/**
	 * Create an encoder that writes data with this mapper.
	 * @param json the mapper, whose modules and settings are kept (all but indenting)
	 */
	public SseEncoder(JsonMapper json) {
		this.writer = json.writer()
			.without(SerializationFeature.INDENT_OUTPUT)
			.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.without(StreamWriteFeature.FLUSH_PASSED_TO_STREAM);
	}

	/**
	 * Encode one of LangServe's events.
	 * @param buffers where the buffer comes from
	 * @param event the event
	 * @param data the data, written as JSON; {@code null} for no data line ({@link SseEvent#END})
	 * @return a new buffer holding the whole event
	 */
	public DataBuffer encode(DataBufferFactory buffers, SseEvent event, @Nullable Object data) {
		return encode(buffers, event.wireName(), data);
	}

	/**
	 * Encode an event.
	 * @param buffers where the buffer comes from
	 * @param event the event's name, {@code null} for none (a {@code data} event to a client)
	 * @param data the data, written as JSON; {@code null} for no data line
	 * @return a new buffer holding the whole event
	 */
	public DataBuffer encode(DataBufferFactory buffers, @Nullable String event, @Nullable Object data) {
		DataBuffer buffer = buffers.allocateBuffer(INITIAL_CAPACITY);
		try (OutputStream out = buffer.asOutputStream()) {
			name(out, event);
			if (data != null) {
				out.write(DATA);
				this.writer.writeValue(out, data);
				out.write('\n');
			}
			out.write('\n');
			return buffer;
		}
		catch (IOException | RuntimeException ex) {
			DataBufferUtils.release(buffer);
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	/**
	 * Encode an event whose data is text that is not JSON, such as OpenAI's {@code [DONE]}.
	 * @param buffers where the buffer comes from
	 * @param event the event's name, {@code null} for none
	 * @param text the data, one line
	 * @return a new buffer holding the whole event
	 * @throws IllegalArgumentException if the text holds a line break
	 */
	public DataBuffer encodeText(DataBufferFactory buffers, @Nullable String event, String text) {
		if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			throw new IllegalArgumentException("text must be one line");
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = buffers.allocateBuffer(bytes.length + DATA.length + 16);
		try (OutputStream out = buffer.asOutputStream()) {
			name(out, event);
			out.write(DATA);
			out.write(bytes);
			out.write('\n');
			out.write('\n');
			return buffer;
		}
		catch (IOException ex) {
			DataBufferUtils.release(buffer);
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a response body of encoded events, each flushed as it is written, with the content
	 * type {@link #EVENT_STREAM}. Buffers that are not written (the client left) are released.
	 * @param events the events, made with the response's buffer factory
	 * @return the body inserter
	 */
	public static BodyInserter<Publisher<DataBuffer>, ReactiveHttpOutputMessage> body(
			Function<DataBufferFactory, Publisher<DataBuffer>> events) {
		return (message, context) -> {
			message.getHeaders().setContentType(EVENT_STREAM);
			Flux<Publisher<DataBuffer>> each = Flux.from(events.apply(message.bufferFactory()))
				.map(Flux::just);
			return message.writeAndFlushWith(each.doOnDiscard(DataBuffer.class, DataBufferUtils::release));
		};
	}

	private static void name(OutputStream out, @Nullable String event) throws IOException {
		if (event != null) {
			out.write(EVENT);
			out.write(event.getBytes(StandardCharsets.UTF_8));
			out.write('\n');
		}
	}

}
