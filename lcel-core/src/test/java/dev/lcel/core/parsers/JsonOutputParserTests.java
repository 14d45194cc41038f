package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.runnable.ChunkAggregator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonOutputParserTests {

	private final JsonOutputParser parser = new JsonOutputParser();

	@Test
	void emitsGrowingPartialValuesAsLangChainDoes() {
		List<Object> values = stream(this.parser, "{\"na", "me\": \"Fr", "ance\", \"pop", "ulation\": 67", "0, \"cities\": [\"Pa",
				"ris\"", "]}");
		assertThat(values).containsExactly(Map.of(), Map.of("name", "Fr"), Map.of("name", "France"),
				Map.of("name", "France", "population", 670, "cities", List.of("Pa")),
				Map.of("name", "France", "population", 670, "cities", List.of("Paris")));
	}

	@Test
	void keyAppearsOnceItsValueBegins() {
		List<Object> values = stream(this.parser, "{\"a\"", ":", " ", "[", "{", "}", "]}");
		assertThat(values).containsExactly(Map.of(), Map.of("a", List.of()), Map.of("a", List.of(Map.of())));
	}

	@Test
	void numbersAndLiteralsAppearOnlyWhenComplete() {
		List<Object> values = stream(this.parser, "[1", "2", "3", ", tr", "ue, nu", "ll", "]");
		assertThat(values).containsExactly(List.of(), List.of(123), List.of(123, true), java.util.Arrays.asList(123, true, null));
	}

	@Test
	void escapesAreDecodedAndADanglingEscapeIsHeldBack() {
		List<Object> values = stream(this.parser, "[\"a\\", "n\\u00", "e9\"]");
		assertThat(values).containsExactly(List.of("a"), List.of("a\n"), List.of("a\né"));
	}

	@Test
	void markdownFenceIsIgnored() {
		assertThat(this.parser.invoke("```json\n{\"a\": 1}\n```")).isEqualTo(Map.of("a", 1));
		assertThat(this.parser.invoke("Here you go:\n```\n[1, 2]\n```\nAnything else?")).isEqualTo(List.of(1, 2));
		assertThat(stream(this.parser, "``", "`js", "on\n{\"a\"", ": \"x`", "`y\"}`", "``")).last().isEqualTo(Map.of("a", "x``y"));
	}

	@Test
	void backticksInsideJsonStringsDoNotCloseTheFence() {
		assertThat(this.parser.invoke("```json\n{\"code\": \"```java\\n\\\"x\\\"```\"}\n```")).isEqualTo(Map.of("code", "```java\n\"x\"```"));
	}

	@Test
	void acceptsMessageChunksFromAModel() {
		Flux<Object> chunks = Flux.just(new AIMessageChunk("{\"a\": "), new AIMessageChunk("[true]}"));
		StepVerifier.create(this.parser.transform(chunks, dev.lcel.core.config.RunnableConfig.EMPTY))
			.expectNext(Map.of())
			.expectNext(Map.of("a", List.of(true)))
			.verifyComplete();
	}

	@Test
	void invalidJsonAtTheEndIsAnOutputParserExceptionCarryingTheText() {
		StepVerifier.create(this.parser.transform(Flux.just("{\"a\": ", "1"), dev.lcel.core.config.RunnableConfig.EMPTY))
			.expectNext(Map.of())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(OutputParserException.class)
				.hasMessageContaining("incomplete")
				.extracting((e) -> ((OutputParserException) e).getText())
				.isEqualTo("{\"a\": 1"))
			.verify();
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke("{\"a\": 1} x"))
			.withMessageContaining("after the JSON value")
			.satisfies((ex) -> assertThat(ex.getText()).isEqualTo("{\"a\": 1} x"));
		assertThatExceptionOfType(OutputParserException.class).isThrownBy(() -> this.parser.invoke("no json here"));
	}

	@Test
	void scalarDocumentsAreEmittedWhenComplete() {
		assertThat(stream(this.parser, "\"hel", "lo\"")).containsExactly("hello");
		assertThat(stream(this.parser, "12", "34")).containsExactly(1234);
		assertThat(this.parser.invoke("null")).isNull();
		assertThat(this.parser.invoke("12345678901234567890")).isEqualTo(new java.math.BigInteger("12345678901234567890"));
	}

	@Test
	void emittedValuesAreImmutableAndSerialiseAsJson() {
		Object value = this.parser.invoke("{\"a\": [1, {\"b\": null}], \"a/b\": 2.5}");
		assertThat(JsonMapper.shared().writeValueAsString(value)).isEqualTo("{\"a\":[1,{\"b\":null}],\"a/b\":2.5}");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((Map<String, Object>) value).put("x", 1));
	}

	@Test
	void repeatedKeyReplacesTheEarlierValueInPlaceAsJacksonDoes() {
		List<Object> values = stream(this.parser, "{\"a\": 1, \"b\": 2", ", \"a\": \"x", "y\"}");
		assertThat(values).containsExactly(Map.of("a", 1), Map.of("a", "x", "b", 2), Map.of("a", "xy", "b", 2));
		assertThat(List.copyOf(((Map<?, ?>) values.get(2)).keySet())).isEqualTo(List.of("a", "b"));
		assertThat((Object) JsonMapper.shared().valueToTree(values.get(2)))
			.isEqualTo(JsonMapper.shared().readTree("{\"a\": 1, \"b\": 2, \"a\": \"xy\"}"));
	}

	@Test
	void largeObjectsLookUpKeys() {
		StringBuilder text = new StringBuilder("{");
		for (int i = 0; i < 100; i++) {
			text.append((i > 0) ? "," : "").append("\"k").append(i).append("\": ").append(i);
		}
		Map<?, ?> value = (Map<?, ?>) this.parser.invoke(text.append("}").toString());
		assertThat(value.get("k42")).isEqualTo(42);
		assertThat(value.containsKey("k100")).isFalse();
		assertThat(value).hasSize(100).isEqualTo(JsonMapper.shared().readValue(text.toString(), Map.class));
	}

	@Test
	void aggregatingTheStreamGivesTheFinalValue() {
		Object aggregate = ChunkAggregator.aggregate(this.parser.astream("{\"a\": \"xyz\"}")).block();
		assertThat(aggregate).isEqualTo(Map.of("a", "xyz"));
		Object streamed = ChunkAggregator.aggregate(this.parser.transform(Flux.just("{\"a\": \"x", "yz\"}"),
				dev.lcel.core.config.RunnableConfig.EMPTY)).block();
		assertThat(streamed).isEqualTo(Map.of("a", "xyz"));
	}

	@Test
	void aStepAfterTheParserInAStreamingChainReceivesTheFinalValue() {
		dev.lcel.core.runnable.Runnable<Object, Object> chain = this.parser.pipe((Object value) -> (Object) value);
		Object received = chain.transform(Flux.just("{\"a\": \"x", "y\", \"b\": [1", "]}"),
				dev.lcel.core.config.RunnableConfig.EMPTY).blockLast();
		assertThat(received).isEqualTo(Map.of("a", "xy", "b", List.of(1)));
	}

	@Test
	void diffModeEmitsJsonPatchOperations() {
		List<Object> patches = stream(JsonOutputParser.diff(), "{\"a\": [\"x", "y\"", ", 2]", ", \"b/c\": {}}");
		assertThat(patches).containsExactly(List.of(new JsonPatchOp("replace", "", Map.of("a", List.of("x")))),
				List.of(new JsonPatchOp("replace", "/a/0", "xy")), List.of(new JsonPatchOp("add", "/a/1", 2)),
				List.of(new JsonPatchOp("add", "/b~1c", Map.of())));
		assertThat(JsonMapper.shared().writeValueAsString(new JsonPatchOp("add", "/x", null)))
			.isEqualTo("{\"op\":\"add\",\"path\":\"/x\",\"value\":null}");
	}

	@Test
	void costIsLinearInTheLengthOfTheText() {
		StringBuilder text = new StringBuilder("{\"items\": [");
		for (int i = 0; i < 20_000; i++) {
			text.append((i > 0) ? ", " : "").append("{\"id\": ").append(i).append(", \"name\": \"item ").append(i).append("\"}");
		}
		text.append("]}");
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < text.length(); i += 3) {
			chunks.add(text.substring(i, Math.min(text.length(), i + 3)));
		}
		long start = System.nanoTime();
		Object last = this.parser.transform(Flux.fromIterable(chunks), dev.lcel.core.config.RunnableConfig.EMPTY).blockLast();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(((List<?>) ((Map<?, ?>) last).get("items"))).hasSize(20_000);
		// ~200k chunks over a 600 kB text: re-parsing per chunk would take minutes.
		assertThat(millis).isLessThan(5_000);
	}

	private static List<Object> stream(JsonOutputParser parser, String... chunks) {
		return parser.transform(Flux.fromArray(chunks), dev.lcel.core.config.RunnableConfig.EMPTY).collectList().block();
	}

}
