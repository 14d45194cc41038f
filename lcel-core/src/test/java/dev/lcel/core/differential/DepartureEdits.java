package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The edits of single departures, too particular for {@link RawEdits}: each turns LangChain.js's report of
 * one case into what LangChain Python reports for it (see {@link Departures} for the reasons).
 */
final class DepartureEdits {

	private DepartureEdits() {
	}

	/** The generator starts at its upstream's first chunk and streams each chunk (and the root with it) at once. */
	static UnaryOperator<ObjectNode> generatorStreamsPerChunk(String generator, String upstream) {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			if (events.isEmpty()) {
				return results;
			}
			String root = events.get(0).path("run_id").asString();
			ObjectNode start = first(events, generator, "_start");
			List<ObjectNode> chunks = all(events, generator, "_stream");
			List<ObjectNode> rootChunks = events.stream().filter((e) -> e.path("run_id").asString().equals(root))
				.filter((e) -> e.path("event").asString().endsWith("_stream")).toList();
			List<ObjectNode> edited = new ArrayList<>();
			int k = 0;
			for (ObjectNode event : events) {
				if (event == start || chunks.contains(event) || rootChunks.contains(event)) {
					continue;
				}
				edited.add(event);
				if (upstream.equals(event.path("name").asString()) && event.path("event").asString().endsWith("_stream")
						&& k < chunks.size()) {
					if (k == 0 && start != null) {
						edited.add(start);
					}
					edited.add(chunks.get(k));
					if (k < rootChunks.size()) {
						edited.add(rootChunks.get(k));
					}
					k++;
				}
			}
			RawEdits.setEvents(results, edited);
			return results;
		};
	}

	/**
	 * The generator fails at its first input chunk: after its start only its own and the root's events
	 * follow, and in the log the model and the parser keep their first chunk and end with final_output null.
	 */
	static UnaryOperator<ObjectNode> generatorFailsAtFirstChunk(String generator) {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			if (!events.isEmpty()) {
				String root = events.get(0).path("run_id").asString();
				ObjectNode start = first(events, generator, "_start");
				String run = (start != null) ? start.path("run_id").asString() : null;
				List<ObjectNode> edited = new ArrayList<>();
				boolean started = false;
				for (ObjectNode event : events) {
					started = started || event == start;
					String id = event.path("run_id").asString();
					if (!started || id.equals(run) || id.equals(root)) {
						edited.add(event);
					}
				}
				RawEdits.setEvents(results, edited);
			}
			results.path("log").path("state").path("logs").forEach((entry) -> {
				String type = entry.path("type").asString();
				if (type.equals("llm") || type.equals("parser")) {
					ObjectNode upstream = (ObjectNode) entry;
					keepFirst(upstream, "streamed_output");
					keepFirst(upstream, "streamed_output_str");
					upstream.putNull("final_output");
				}
			});
			return results;
		};
	}

	/**
	 * The conditions and the chosen branch are runs of their own under the root branch (LangChain.js gives
	 * them the root's run id); the root reports each chunk of the chosen branch as its own and ends with
	 * their sum.
	 */
	static UnaryOperator<ObjectNode> branchRootStreamsAndEnds(String chosen) {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			if (events.isEmpty()) {
				return results;
			}
			ObjectNode root = events.get(0);
			String rootId = root.path("run_id").asString();
			ArrayNode chunks = Neutral.JSON.createArrayNode();
			List<ObjectNode> edited = new ArrayList<>();
			int child = 0;
			for (ObjectNode event : events) {
				edited.add(event);
				if (event == root) {
					continue;
				}
				if (event.path("event").asString().endsWith("_start")) {
					child++;
				}
				event.put("run_id", rootId + "/child-" + child);
				event.set("parent_ids", Neutral.JSON.createArrayNode().add(rootId));
				if (!chosen.equals(event.path("name").asString())) {
					continue;
				}
				String kind = event.path("event").asString();
				if (kind.endsWith("_stream")) {
					JsonNode chunk = event.path("data").path("chunk");
					chunks.add(chunk.deepCopy());
					edited.add(RawEdits.copyOf(root, "on_chain_stream", RawEdits.object().set("chunk", chunk.deepCopy())));
				}
				else if (kind.endsWith("_end")) {
					edited.add(RawEdits.copyOf(root, "on_chain_end",
							RawEdits.object().set("output", PythonAddition.sum(chunks))));
				}
			}
			RawEdits.setEvents(results, edited);
			return results;
		};
	}

	/** The fallbacks run ends with the output of the runnable that succeeded (the sum of what it streamed). */
	static UnaryOperator<ObjectNode> fallbacksEndWithTheirChunks() {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			ObjectNode start = first(events, "RunnableWithFallbacks", "_start");
			JsonNode output = null;
			if (start != null) {
				String run = start.path("run_id").asString();
				for (ObjectNode event : events) {
					JsonNode parents = event.path("parent_ids");
					boolean child = !parents.isEmpty() && parents.get(parents.size() - 1).asString().equals(run);
					if (child && event.path("event").asString().endsWith("_end")) {
						output = event.path("data").path("output");
					}
				}
				ObjectNode end = first(events, "RunnableWithFallbacks", "_end");
				if (end != null && output != null) {
					((ObjectNode) end.get("data")).set("output", output.deepCopy());
				}
			}
			ObjectNode entry = RawEdits.logEntry(results.path("log").path("state").path("logs"),
					RawEdits.named("RunnableWithFallbacks", null));
			if (entry != null && output != null) {
				entry.set("final_output", RawEdits.object().set("output", output.deepCopy()));
			}
			return results;
		};
	}

	private static void keepFirst(ObjectNode entry, String field) {
		JsonNode items = entry.path(field);
		if (items instanceof ArrayNode array && array.size() > 1) {
			JsonNode first = array.get(0);
			array.removeAll();
			array.add(first);
		}
	}

	private static ObjectNode first(List<ObjectNode> events, String name, String suffix) {
		return events.stream().filter((e) -> name.equals(e.path("name").asString()))
			.filter((e) -> e.path("event").asString().endsWith(suffix)).findFirst().orElse(null);
	}

	private static List<ObjectNode> all(List<ObjectNode> events, String name, String suffix) {
		return events.stream().filter((e) -> name.equals(e.path("name").asString()))
			.filter((e) -> e.path("event").asString().endsWith(suffix)).toList();
	}

}
