package dev.lcel.core.differential;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ExtraEditsTests {

	private static String token(String content) {
		return "{\"event\":\"on_chat_model_stream\",\"name\":\"m\",\"run_id\":\"m\",\"parent_ids\":[\"root\"],\"tags\":[],"
				+ "\"data\":{\"chunk\":{\"content\":\"" + content + "\"}}}";
	}

	private static String event(String kind, String run, String parents, String tags, String data) {
		return "{\"event\":\"" + kind + "\",\"name\":\"" + run.replaceAll("[0-9]", "") + "\",\"run_id\":\"" + run
				+ "\",\"parent_ids\":" + parents + ",\"tags\":" + tags + ",\"data\":" + data + "}";
	}

	private static List<String> order(ObjectNode results) {
		return RawEdits.events(results).stream()
			.map((e) -> e.path("event").asString().replace("on_", "") + " " + e.path("run_id").asString()
					+ (e.path("data").path("chunk").has("content") ? " " + e.path("data").path("chunk").path("content").asString() : ""))
			.toList();
	}

	@Test
	void aNumberIsEmittedAtTheTokenOfItsLastDigit() {
		String parsed = event("on_parser_stream", "p", "[\"root\"]", "[]", "{\"chunk\":{}}");
		ObjectNode lcel = (ObjectNode) RawEdits.json("{\"events\":{\"items\":[" + token("[") + "," + token("1") + ","
				+ token("2") + "," + token(",") + "," + parsed + "," + token(" ") + "," + token("3") + "," + token("]") + ","
				+ parsed + "]}}");

		ObjectNode python = ExtraEdits.numbersAtTheirLastDigit("m", "p").apply(lcel);

		assertThat(order(python)).containsExactly("chat_model_stream m [", "chat_model_stream m 1",
				"chat_model_stream m 2", "parser_stream p", "chat_model_stream m ,", "chat_model_stream m  ",
				"chat_model_stream m 3", "parser_stream p", "chat_model_stream m ]");
	}

	@Test
	void aStreamRetriedAfterItsFirstAttemptFailsWithThatAttempt() {
		String seq = "[\"seq:step:2\"]";
		ObjectNode lcel = (ObjectNode) RawEdits.json("{\"stream\":{\"items\":[\"ok\"]},\"events\":{\"items\":["
				+ event("on_chain_start", "root", "[]", "[]", "{\"input\":\" x \"}") + ","
				+ event("on_chain_start", "prep", "[\"root\"]", "[\"seq:step:1\"]", "{}") + ","
				+ event("on_chain_stream", "prep", "[\"root\"]", "[\"seq:step:1\"]", "{\"chunk\":\"x\"}") + ","
				+ event("on_chain_end", "prep", "[\"root\"]", "[\"seq:step:1\"]", "{}") + ","
				+ event("on_chain_start", "flaky", "[\"root\"]", seq, "{\"input\":\"x\"}") + ","
				+ event("on_chain_start", "flaky1", "[\"root\",\"flaky\"]", "[]", "{}") + ","
				+ event("on_chain_end", "flaky1", "[\"root\",\"flaky\"]", "[]", "{\"error\":\"boom\"}") + ","
				+ event("on_chain_start", "flaky2", "[\"root\",\"flaky\"]", "[\"retry:attempt:2\"]", "{}") + ","
				+ event("on_chain_stream", "flaky2", "[\"root\",\"flaky\"]", "[\"retry:attempt:2\"]", "{\"chunk\":\"ok\"}") + ","
				+ event("on_chain_stream", "root", "[]", "[]", "{\"chunk\":\"ok\"}") + ","
				+ event("on_chain_end", "flaky2", "[\"root\",\"flaky\"]", "[\"retry:attempt:2\"]", "{}") + ","
				+ event("on_chain_end", "flaky", "[\"root\"]", seq, "{}") + ","
				+ event("on_chain_end", "root", "[]", "[]", "{}") + "]}}");

		ObjectNode python = ExtraEdits.retryStreamsWithoutRetrying().apply(lcel);

		assertThat(order(python)).containsExactly("chain_start root", "chain_start prep", "chain_stream prep",
				"chain_start flaky", "chain_end prep", "chain_end flaky");
		assertThat(RawEdits.events(python).get(3).path("data").has("input")).isFalse();
		assertThat(RawEdits.events(python).get(5).path("data").has("error")).isTrue();
		assertThat(python.path("events").path("error").asBoolean()).isTrue();
		assertThat(python.path("stream").path("items").isEmpty()).isTrue();
		assertThat(python.path("stream").path("error").asBoolean()).isTrue();
	}

}
