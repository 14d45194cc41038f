package dev.lcel.core.differential;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DepartureEditsTests {

	private static ObjectNode events(String... kindsAndRuns) {
		StringBuilder items = new StringBuilder("[");
		for (int i = 0; i < kindsAndRuns.length; i++) {
			String[] parts = kindsAndRuns[i].split(" ");
			items.append(i == 0 ? "" : ",").append("{\"event\":\"").append(parts[0]).append("\",\"name\":\"")
				.append(parts[1]).append("\",\"run_id\":\"").append(parts[1]).append("\",\"parent_ids\":[],\"tags\":[],\"data\":{}}");
		}
		return (ObjectNode) RawEdits.json("{\"events\": {\"items\": " + items + "]}}");
	}

	private static List<String> order(ObjectNode results) {
		return RawEdits.events(results).stream()
			.map((e) -> e.path("event").asString().replace("on_", "") + " " + e.path("name").asString())
			.toList();
	}

	@Test
	void eachChunkTravelsThePipelineBeforeTheNextIsMade() {
		ObjectNode js = events("on_chain_start root", "on_chat_model_start m", "on_parser_start p", "on_parser_stream p",
				"on_chain_stream root", "on_chat_model_stream m", "on_parser_stream p", "on_chain_stream root",
				"on_chat_model_stream m", "on_chat_model_end m", "on_parser_end p", "on_chain_end root");

		ObjectNode python = DepartureEdits.chunksTravelThePipelineOneByOne(List.of("m", "p", "$root")).apply(js);

		assertThat(order(python)).containsExactly("chain_start root", "chat_model_start m", "chat_model_stream m",
				"parser_start p", "parser_stream p", "chain_stream root", "chat_model_stream m", "parser_stream p",
				"chain_stream root", "chat_model_end m", "parser_end p", "chain_end root");
	}

	@Test
	void lateTokensMoveBeforeTheChunksTheyBecome() {
		ObjectNode js = events("on_chat_model_start m", "on_parser_start p", "on_parser_stream p",
				"on_chat_model_stream m", "on_parser_stream p", "on_chat_model_stream m", "on_chat_model_end m");

		ObjectNode python = RawEdits.modelTokensBeforeTheyTravelOn().apply(js);

		assertThat(order(python)).containsExactly("chat_model_start m", "chat_model_stream m", "parser_start p",
				"parser_stream p", "chat_model_stream m", "parser_stream p", "chat_model_end m");
	}

	@Test
	void anAggregatingLambdaStartsAtTheFirstChunkAndStreamsAfterThePipeline() {
		ObjectNode js = events("on_chain_start root", "on_chat_model_start m", "on_parser_start p", "on_parser_stream p",
				"on_chat_model_stream m", "on_parser_stream p", "on_chat_model_stream m", "on_chain_start shout",
				"on_chat_model_end m", "on_parser_end p", "on_chain_stream shout", "on_chain_stream root",
				"on_chain_end shout", "on_chain_end root");

		ObjectNode python = DepartureEdits.chunksTravelThePipelineOneByOne(List.of("m", "p"), "shout").apply(js);

		assertThat(order(python)).containsExactly("chain_start root", "chat_model_start m", "chat_model_stream m",
				"parser_start p", "parser_stream p", "chain_start shout", "chat_model_stream m", "parser_stream p",
				"chat_model_end m", "parser_end p", "chain_stream shout", "chain_stream root", "chain_end shout",
				"chain_end root");
	}

	@Test
	void anUpstreamStepEndsWhenTheNextStepPullsAgain() {
		ObjectNode js = events("on_chain_start a", "on_chain_stream a", "on_chain_end a", "on_chain_start b",
				"on_chain_stream b", "on_chain_end b");

		assertThat(order(DepartureEdits.upstreamEndsWhenPulledAgain("a", "b", "_stream").apply(js.deepCopy())))
			.containsExactly("chain_start a", "chain_stream a", "chain_start b", "chain_end a", "chain_stream b",
					"chain_end b");
		assertThat(order(DepartureEdits.upstreamEndsWhenPulledAgain("a", "b", "_end").apply(js)))
			.containsExactly("chain_start a", "chain_stream a", "chain_start b", "chain_stream b", "chain_end a",
					"chain_end b");
	}

}
