package dev.lcel.core.wire;

import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.ToolMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Messages from the wire are read strictly: a malformed field fails with the field's JSON Pointer
 * and a problem in the terms of JSON, wherever the message sits.
 */
class WireValuesStrictReadingTests {

	private static final JsonMapper json = JsonMapper.shared();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			tool_calls a string          | {"type":"ai","content":"x","tool_calls":"call"}                        | /tool_calls   | must be an array
			tool_calls an empty object   | {"type":"ai","content":"x","tool_calls":[{}]}                          | /tool_calls/0 | lacks a required field
			tool_calls a null            | {"type":"ai","content":"x","tool_calls":[null]}                        | ''            | lacks a required field
			tool_call_chunks index text  | {"type":"AIMessageChunk","content":"x","tool_call_chunks":[{"index":"first"}]} | /tool_call_chunks/0/index | must be an integer
			tool_call_chunks index huge  | {"type":"AIMessageChunk","content":"x","tool_call_chunks":[{"index":1e30}]} | /tool_call_chunks/0/index | out of range
			tool message without id      | {"type":"tool","content":"42"}                                         | /tool_call_id | is required
			usage_metadata a string      | {"type":"ai","content":"x","usage_metadata":"many"}                    | /usage_metadata | must be an object
			response_metadata an array   | {"type":"ai","content":"x","response_metadata":[1]}                    | /response_metadata | must be an object
			content a number             | {"type":"human","content":7}                                           | /content      | must be a string
			""")
	void aMalformedMessageNamesItsField(String name, String message, String pointer, String problem) {
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> WireValues.toJava(json, json.readTree(message)))
			.satisfies((ex) -> {
				assertThat(ex.pointer()).isEqualTo(pointer);
				assertThat(ex.problem()).contains(problem).doesNotContain("java.", "tools.jackson", "Feature");
			});
	}

	@Test
	void theFieldIsNamedFromTheOutermostValue() {
		String value = """
				{"history": [{"type": "human", "content": "hi"}, {"type": "ai", "content": "x", "tool_calls": "call"}]}""";
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> WireValues.toJava(json, json.readTree(value)))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/history/1/tool_calls"))
			.withMessage("/history/1/tool_calls: must be an array");
	}

	@Test
	void aPointerEscapesSlashAndTilde() {
		String value = """
				{"a/b~c": {"type": "tool", "content": "x"}}""";
		assertThatExceptionOfType(InvalidWireValueException.class)
			.isThrownBy(() -> WireValues.toJava(json, json.readTree(value)))
			.satisfies((ex) -> assertThat(ex.pointer()).isEqualTo("/a~1b~0c/tool_call_id"));
	}

	@Test
	void wellFormedMessagesAreStillRevived() {
		Object value = WireValues.toJava(json, json.readTree("""
				[{"type": "ai", "content": "x", "tool_calls": [{"id": "1", "name": "search", "args": {"q": "a"}}]},
				 {"type": "tool", "content": "42", "tool_call_id": "1"}, {"type": "other", "content": 1}]"""));
		assertThat(value).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.satisfiesExactly((ai) -> assertThat(((AIMessage) ai).toolCalls()).hasSize(1),
					(tool) -> assertThat(tool).isEqualTo(new ToolMessage("42", "1")),
					(other) -> assertThat(other).isEqualTo(Map.of("type", "other", "content", 1)));
	}

}
