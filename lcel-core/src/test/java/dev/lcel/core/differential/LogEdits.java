package dev.lcel.core.differential;

import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The edits that {@link Departures} make to one side's run-log state: each returns a
 * {@code UnaryOperator<ObjectNode>} that changes the results in place and returns them.
 */
final class LogEdits {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private LogEdits() {
	}

	/** The root's {@code final_output} is the sum ({@link PythonAddition}) of its streamed chunks, or null. */
	static UnaryOperator<ObjectNode> rootFinalOutputIsTheSumOfItsChunks() {
		return (results) -> {
			if (results.path("log").path("state") instanceof ObjectNode state) {
				state.set("final_output", PythonAddition.sum(state.path("streamed_output")));
			}
			return results;
		};
	}

	/** Every log entry has a {@code final_output}: null until (or unless) the run ends with an output. */
	static UnaryOperator<ObjectNode> finalOutputNullWhenAbsent() {
		return (results) -> {
			results.path("log").path("state").path("logs").forEach((entry) -> {
				if (!entry.has("final_output")) {
					((ObjectNode) entry).putNull("final_output");
				}
			});
			return results;
		};
	}

	/** A chat model's {@code final_output} is the LLMResult Python's tracer dumps, with snake_case keys. */
	static UnaryOperator<ObjectNode> chatModelFinalOutputIsAnLlmResult() {
		return (results) -> {
			results.path("log").path("state").path("logs").forEach((entry) -> {
				JsonNode output = entry.path("final_output");
				if (!"llm".equals(entry.path("type").asString()) || !output.has("generations")) {
					return;
				}
				ObjectNode result = NODES.objectNode();
				ArrayNode generations = result.putArray("generations");
				for (JsonNode batch : output.path("generations")) {
					ArrayNode converted = generations.addArray();
					for (JsonNode generation : batch) {
						ObjectNode python = converted.addObject();
						python.set("text", generation.path("text").deepCopy());
						python.putNull("generation_info");
						python.put("type", "ChatGenerationChunk");
						python.set("message", generation.path("message").deepCopy());
					}
				}
				result.putNull("llm_output");
				result.putNull("run");
				result.put("type", "LLMResult");
				((ObjectNode) entry).set("final_output", result);
			});
			return results;
		};
	}

}
