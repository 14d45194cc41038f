package dev.lcel.core.differential;

import java.util.EnumSet;
import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.RunFilter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliserTests {

	private static ReferenceCase spec(boolean unordered, JsonNode results) {
		return new ReferenceCase("case", "in", null, RunnableConfig.EMPTY, RunFilter.ALL, unordered,
				EnumSet.of(Aspect.EVENTS, Aspect.EVENT_DATA, Aspect.LOG), results);
	}

	private static JsonNode results(String events) {
		return RawEdits.json("{\"events\": {\"items\": " + events + "}, \"log\": {\"state\": null}}");
	}

	@Test
	void runIdsBecomeLabelsInTheOrderOfTheirFirstAppearance() {
		JsonNode results = results("""
				[{"event":"on_chain_start","name":"root","run_id":"x9","parent_ids":[],"tags":["b","a"],"data":{"input":1}},
				 {"event":"on_chain_start","name":"child","run_id":"a1","parent_ids":["x9"],"tags":[],"data":{}}]""");

		List<String> lines = Neutral.lines(Normaliser.normalise(results, spec(false, results)).get(Aspect.EVENTS));

		assertThat(lines).containsExactly(
				"{\"data\":[\"input\"],\"event\":\"on_chain_start\",\"name\":\"root\",\"parents\":[],\"run\":\"r0\",\"tags\":[\"a\",\"b\"]}",
				"{\"data\":[],\"event\":\"on_chain_start\",\"name\":\"child\",\"parents\":[\"r0\"],\"run\":\"r1\",\"tags\":[]}");
	}

	@Test
	void aChildStartedBeforeItsParentIsReportedInEveryMode() {
		JsonNode results = results("""
				[{"event":"on_chain_start","name":"child","run_id":"c","parent_ids":["p"],"tags":[],"data":{}},
				 {"event":"on_chain_start","name":"parent","run_id":"p","parent_ids":[],"tags":[],"data":{}}]""");

		for (boolean unordered : List.of(false, true)) {
			List<String> lines = Neutral.lines(Normaliser.normalise(results, spec(unordered, results)).get(Aspect.EVENTS));
			assertThat(lines).last().asString().contains("causality").contains("starts before its parent");
		}
	}

	@Test
	void concurrentBranchesCompareAlikeInWhateverOrderTheyRan() {
		JsonNode one = results("""
				[{"event":"on_chain_start","name":"map","run_id":"m","parent_ids":[],"tags":[],"data":{}},
				 {"event":"on_chain_start","name":"a","run_id":"a","parent_ids":["m"],"tags":[],"data":{}},
				 {"event":"on_chain_start","name":"b","run_id":"b","parent_ids":["m"],"tags":[],"data":{}},
				 {"event":"on_chain_stream","name":"map","run_id":"m","parent_ids":[],"tags":[],"data":{"chunk":{"b":2}}},
				 {"event":"on_chain_stream","name":"map","run_id":"m","parent_ids":[],"tags":[],"data":{"chunk":{"a":1}}}]""");
		JsonNode other = results("""
				[{"event":"on_chain_start","name":"map","run_id":"M","parent_ids":[],"tags":[],"data":{}},
				 {"event":"on_chain_start","name":"b","run_id":"B","parent_ids":["M"],"tags":[],"data":{}},
				 {"event":"on_chain_stream","name":"map","run_id":"M","parent_ids":[],"tags":[],"data":{"chunk":{"a":1}}},
				 {"event":"on_chain_start","name":"a","run_id":"A","parent_ids":["M"],"tags":[],"data":{}},
				 {"event":"on_chain_stream","name":"map","run_id":"M","parent_ids":[],"tags":[],"data":{"chunk":{"b":2}}}]""");

		assertThat(Neutral.lines(Normaliser.normalise(one, spec(true, one)).get(Aspect.EVENT_DATA)))
			.isEqualTo(Neutral.lines(Normaliser.normalise(other, spec(true, other)).get(Aspect.EVENT_DATA)));
	}

	@Test
	void theLogKeepsTheComparedFieldsAndDropsIdsAndTimes() {
		JsonNode results = RawEdits.json("""
				{"log": {"state": {"id": "1", "name": "root", "final_output": "ab", "streamed_output": ["a", "b"],
				 "logs": {"step": {"id": "2", "name": "step", "type": "chain", "tags": ["z", "y"], "start_time": "t",
				 "end_time": "u", "final_output": {"output": "ab"}, "streamed_output": ["a", "b"], "streamed_output_str": []}}}}}""");

		List<String> lines = Neutral.lines(Normaliser.normalise(results, spec(false, results)).get(Aspect.LOG));

		assertThat(lines).containsExactly("{\"root\":{\"final_output\":\"ab\",\"streamed_output\":[\"a\",\"b\"]}}",
				"{\"final_output\":{\"output\":\"ab\"},\"log\":\"step\",\"streamed_output\":[\"a\",\"b\"],\"streamed_output_str\":[],\"tags\":[\"y\",\"z\"],\"type\":\"chain\"}");
	}

}
