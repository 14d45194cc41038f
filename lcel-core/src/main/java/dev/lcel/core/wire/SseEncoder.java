package dev.lcel.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.JsonStringEncoder;
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
 * {@code data:} and the data's JSON as Jackson writes it, then a blank line. The bytes are exactly
 * those of Spring's {@code ServerSentEvent} writer for the same event, without its intermediate
 * strings and header objects: one array per event, written once and wrapped as the response's
 * buffer.
 *
 * <p>The data is always written on one line: the mapper's indenting is turned off, and JSON has no
 * raw line breaks otherwise. A text chunk (a {@code String}, what most streamed chains send) is
 * quoted by Jackson's string encoder without a generator, when the mapper writes strings exactly
 * so (checked once, at construction, against the mapper itself); any other value goes through the
 * mapper. {@link #body} writes a stream of encoded events as a response, flushing each, as Spring's
 * writer does.
 */
public final class SseEncoder {

	/** The media type of an event stream, as Spring's writer sends it: {@code text/event-stream;charset=UTF-8}. */
	public static final MediaType EVENT_STREAM = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

	/**
	 * A string with every kind of character a JSON writer may treat differently: quotes, escapes,
	 * control characters, a slash, non-ASCII text, a line separator and a surrogate pair.
	 */
	private static final String PROBE = "a\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u2028\u2029\uD83D\uDE00<>&'";

	private final ObjectWriter writer;

	private final boolean quotesStrings;

	/** {@code event:NAME\ndata:} of each LangServe event, and {@code event:end\n\n} whole. */
	private final byte[][] prefixes = new byte[SseEvent.values().length][];

	/**
	 * Create an encoder that writes data with this mapper.
	 * @param json the mapper, whose modules and settings are kept (all but indenting)
	 */
	public SseEncoder(JsonMapper json) {
		this.writer = json.writer()
			.without(SerializationFeature.INDENT_OUTPUT)
			.without(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.without(StreamWriteFeature.FLUSH_PASSED_TO_STREAM);
		this.quotesStrings = Arrays.equals(this.writer.writeValueAsBytes(PROBE), quoted(PROBE))
				&& Arrays.equals(this.writer.writeValueAsBytes(""), quoted(""));
		for (SseEvent event : SseEvent.values()) {
			this.prefixes[event.ordinal()] = (event == SseEvent.END) ? ascii("event:end\n\n")
					: ascii("event:" + event.wireName() + "\ndata:");
		}
	}

	/**
	 * Encode one of LangServe's events.
	 * @param buffers where the buffer comes from
	 * @param event the event
	 * @param data the data, written as JSON; {@code null} for no data line ({@link SseEvent#END})
	 * @return a new buffer holding the whole event
	 */
	public DataBuffer encode(DataBufferFactory buffers, SseEvent event, @Nullable Object data) {
		if (data == null) {
			return buffers.wrap((event == SseEvent.END) ? this.prefixes[event.ordinal()].clone()
					: ascii("event:" + event.wireName() + "\n\n"));
		}
		return buffers.wrap(event(this.prefixes[event.ordinal()], data));
	}

	/**
	 * Encode an event.
	 * @param buffers where the buffer comes from
	 * @param event the event's name, {@code null} for none (a {@code data} event to a client)
	 * @param data the data, written as JSON; {@code null} for no data line
	 * @return a new buffer holding the whole event
	 */
	public DataBuffer encode(DataBufferFactory buffers, @Nullable String event, @Nullable Object data) {
		String name = (event != null) ? "event:" + event + "\n" : "";
		if (data == null) {
			return buffers.wrap((name + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return buffers.wrap(event((name + "data:").getBytes(StandardCharsets.UTF_8), data));
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
		String name = (event != null) ? "event:" + event + "\n" : "";
		return buffers.wrap(event((name + "data:").getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8), false));
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

	/**
	 * Whether a text chunk is quoted without a generator: the mapper writes strings exactly as
	 * Jackson's string encoder quotes them.
	 */
	boolean quotesStrings() {
		return this.quotesStrings;
	}

	/** The prefix, the data's JSON, then the line break that ends the data line and the blank line. */
	private byte[] event(byte[] prefix, Object data) {
		if (this.quotesStrings && data instanceof String text) {
			return event(prefix, JsonStringEncoder.getInstance().quoteAsUTF8(text), true);
		}
		return event(prefix, this.writer.writeValueAsBytes(data), false);
	}

	/** The text as a JSON string: its escaped UTF-8 between quotes. */
	private static byte[] quoted(String text) {
		byte[] event = event(new byte[0], JsonStringEncoder.getInstance().quoteAsUTF8(text), true);
		return Arrays.copyOf(event, event.length - 2);
	}

	private static byte[] event(byte[] prefix, byte[] json, boolean quote) {
		int quotes = quote ? 1 : 0;
		byte[] event = new byte[prefix.length + json.length + 2 * quotes + 2];
		System.arraycopy(prefix, 0, event, 0, prefix.length);
		if (quote) {
			event[prefix.length] = '"';
			event[event.length - 3] = '"';
		}
		System.arraycopy(json, 0, event, prefix.length + quotes, json.length);
		event[event.length - 2] = '\n';
		event[event.length - 1] = '\n';
		return event;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
