package dev.lcel.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.lcel.core.messages.AIMessageChunk;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The encoder writes the bytes Spring's {@code ServerSentEvent} writer writes for the same event
 * and the same JSON. Random values come from a seed, printed before the run; {@code
 * -Dlcel.test.seed=N} replays a run.
 */
class SseEncoderTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

	private static final long DEFAULT_SEED = 20261201L;

	private final SseEncoder encoder = new SseEncoder(JSON);

	@Test
	void eventsAreWrittenAsLangServeSendsThem() {
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.METADATA, Map.of("run_id", "r1"))))
			.isEqualTo("event:metadata\ndata:{\"run_id\":\"r1\"}\n\n");
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.DATA, " leading space"))).isEqualTo("event:data\ndata:\" leading space\"\n\n");
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.ERROR, new StreamError(429, "busy").toWire())))
			.isEqualTo("event:error\ndata:{\"status_code\":429,\"message\":\"busy\"}\n\n");
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.END, null))).isEqualTo("event:end\n\n");
	}

	@Test
	void anEventWithoutANameIsOnlyItsData() {
		assertThat(text(this.encoder.encode(BUFFERS, (String) null, Map.of("id", "c1")))).isEqualTo("data:{\"id\":\"c1\"}\n\n");
		assertThat(text(this.encoder.encodeText(BUFFERS, null, "[DONE]"))).isEqualTo("data:[DONE]\n\n");
	}

	@Test
	void randomValuesAreTheBytesOfSpringsWriter() {
		long seed = Long.getLong("lcel.test.seed", DEFAULT_SEED);
		System.out.println("SseEncoderTests seed: " + seed);
		Random random = new Random(seed);
		for (int i = 0; i < 300; i++) {
			Object value = value(random, 3);
			String name = random.nextBoolean() ? "data" : null;
			String json = JSON.writeValueAsString(value);
			ServerSentEvent.Builder<String> event = ServerSentEvent.<String>builder().data(json);
			String expected = ((name != null) ? event.event(name) : event).build().format() + json + "\n\n";
			assertThat(text(this.encoder.encode(BUFFERS, name, value))).as("seed %d, case %d", seed, i).isEqualTo(expected);
		}
	}

	@Test
	void textIsQuotedAsTheMapperQuotesIt() {
		String text = "a/b \"c\" \\ \u0001 \u2028 é 😀";
		JsonMapper asciiOnly = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
		JsonMapper slashes = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();
		assertThat(this.encoder.quotesStrings()).isTrue();
		assertThat(new SseEncoder(asciiOnly).quotesStrings()).isFalse();
		assertThat(new SseEncoder(slashes).quotesStrings()).isFalse();
		for (JsonMapper mapper : List.of(JSON, asciiOnly, slashes)) {
			assertThat(text(new SseEncoder(mapper).encode(BUFFERS, SseEvent.DATA, text)))
				.isEqualTo("event:data\ndata:" + mapper.writeValueAsString(text) + "\n\n");
		}
		assertThat(text(new SseEncoder(asciiOnly).encode(BUFFERS, SseEvent.DATA, "é"))).isEqualTo("event:data\ndata:\"\\u00E9\"\n\n");
	}

	@Test
	void everyLangServeEventHasItsName() {
		for (SseEvent event : SseEvent.values()) {
			String expected = (event == SseEvent.END) ? "event:end\n\n" : "event:" + event.wireName() + "\ndata:1\n\n";
			assertThat(text(this.encoder.encode(BUFFERS, event, (event == SseEvent.END) ? null : 1))).isEqualTo(expected);
		}
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.METADATA, null))).isEqualTo("event:metadata\n\n");
		assertThat(text(this.encoder.encodeText(BUFFERS, "message_stop", "{}"))).isEqualTo("event:message_stop\ndata:{}\n\n");
	}

	@Test
	void dataStaysOnOneLineWhenTheMapperIndents() {
		SseEncoder indenting = new SseEncoder(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
		assertThat(text(indenting.encode(BUFFERS, SseEvent.DATA, Map.of("a", List.of(1, 2)))))
			.isEqualTo("event:data\ndata:{\"a\":[1,2]}\n\n");
	}

	@Test
	void messagesAreWrittenWithTheirType() {
		assertThat(text(this.encoder.encode(BUFFERS, SseEvent.DATA, new AIMessageChunk("Hi"))))
			.startsWith("event:data\ndata:{")
			.contains("\"type\":\"AIMessageChunk\"", "\"content\":\"Hi\"")
			.endsWith("}\n\n");
	}

	@Test
	void textDataMustBeOneLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encodeText(BUFFERS, null, "a\nb"));
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Object value(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 7 : 5);
		return switch (kind) {
			case 0 -> text(random);
			case 1 -> random.nextInt();
			case 2 -> random.nextDouble();
			case 3 -> random.nextBoolean();
			case 4 -> text(random).isEmpty() ? "" : text(random);
			case 5 -> {
				List<Object> list = new ArrayList<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					list.add(value(random, depth - 1));
				}
				yield list;
			}
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					map.put(text(random), value(random, depth - 1));
				}
				yield map;
			}
		};
	}

	private static String text(Random random) {
		String chars = "ab \"\\\n\r\t/é😀\u2028{}:";
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(8); i > 0; i--) {
			text.appendCodePoint(chars.codePoints().toArray()[random.nextInt((int) chars.codePoints().count())]);
		}
		return text.toString();
	}

}
