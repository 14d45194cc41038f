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

	/**
	 * Python pulls one chunk at a time through a pipeline of streaming steps: each chunk of the first run
	 * named goes through every later one before the next chunk is made, and each later step starts when its
	 * first chunk reaches it. The runs are named in pipeline order ({@code $root} is the root run; other names
	 * never match the root); events before the first run's start and ends keep their order.
	 */
	static UnaryOperator<ObjectNode> chunksTravelThePipelineOneByOne(List<String> pipeline) {
		return chunksTravelThePipelineOneByOne(pipeline, null);
	}

	/**
	 * As {@link #chunksTravelThePipelineOneByOne(List)}, with a lambda after the pipeline that aggregates its
	 * input (Python's {@code RunnableLambda._atransform} adds up every chunk before it calls its function): it
	 * starts when the first chunk reaches it, right after the last pipeline run's first chunk, and its own
	 * chunks (and the root's, which come from them) keep their place after the pipeline has ended.
	 */
	static UnaryOperator<ObjectNode> chunksTravelThePipelineOneByOne(List<String> pipeline, String aggregator) {
		List<String> named = new ArrayList<>(pipeline);
		if (aggregator != null) {
			named.add(aggregator);
		}
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			if (events.isEmpty()) {
				return results;
			}
			String root = events.get(0).path("run_id").asString();
			List<String> runs = new ArrayList<>();
			for (String name : named) {
				events.stream()
					.filter((e) -> name.equals("$root") ? e.path("run_id").asString().equals(root)
							: name.equals(e.path("name").asString()) && !e.path("run_id").asString().equals(root))
					.findFirst().ifPresent((e) -> runs.add(e.path("run_id").asString()));
			}
			if (runs.size() != named.size()) {
				return results;
			}
			int first = -1;
			for (int i = 0; i < events.size(); i++) {
				if (events.get(i).path("run_id").asString().equals(runs.get(0))
						&& events.get(i).path("event").asString().endsWith("_start")) {
					first = i;
					break;
				}
			}
			List<ObjectNode> edited = new ArrayList<>(events.subList(0, first + 1));
			List<ObjectNode> rest = new ArrayList<>(events.subList(first + 1, events.size()));
			List<List<ObjectNode>> chunks = new ArrayList<>();
			List<ObjectNode> starts = new ArrayList<>();
			for (int r = 0; r < runs.size(); r++) {
				String run = runs.get(r);
				boolean aggregates = aggregator != null && r == runs.size() - 1;
				chunks.add(aggregates ? List.of() : rest.stream().filter((e) -> e.path("run_id").asString().equals(run))
					.filter((e) -> e.path("event").asString().endsWith("_stream")).toList());
				starts.add(rest.stream().filter((e) -> e.path("run_id").asString().equals(run))
					.filter((e) -> e.path("event").asString().endsWith("_start")).findFirst().orElse(null));
			}
			int waves = chunks.stream().mapToInt(List::size).max().orElse(0);
			for (int k = 0; k < waves; k++) {
				for (int r = 0; r < runs.size(); r++) {
					if (k == 0 && starts.get(r) != null) {
						edited.add(starts.get(r));
					}
					if (k < chunks.get(r).size()) {
						edited.add(chunks.get(r).get(k));
					}
				}
			}
			for (ObjectNode event : rest) {
				if (!edited.contains(event)) {
					edited.add(event);
				}
			}
			RawEdits.setEvents(results, edited);
			return results;
		};
	}

	/**
	 * Python's steps pull their input: a step's end is reported only when the step after it asks for its next
	 * chunk, after the last one. The end of the run named {@code upstream} moves to just before the first
	 * event of the run named {@code downstream} whose kind ends with {@code suffix}: {@code _stream} when
	 * the downstream step is a lambda (it pulls every chunk before it yields anything), {@code _end} when it
	 * is a generator that turns its one input chunk into several (it pulls again once the last of them has
	 * gone through the chain).
	 */
	static UnaryOperator<ObjectNode> upstreamEndsWhenPulledAgain(String upstream, String downstream, String suffix) {
		return (results) -> {
			List<ObjectNode> events = new ArrayList<>(RawEdits.events(results));
			ObjectNode end = first(events, upstream, "_end");
			ObjectNode anchor = first(events, downstream, suffix);
			if (end == null || anchor == null) {
				return results;
			}
			events.remove(end);
			events.add(events.indexOf(anchor), end);
			RawEdits.setEvents(results, events);
			return results;
		};
	}

	/** A parser's end carries its whole input: the message its model ended with. */
	static UnaryOperator<ObjectNode> parserEndsWithTheWholeMessage(String parser, String model) {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			ObjectNode modelEnd = first(events, model, "_end");
			ObjectNode parserEnd = first(events, parser, "_end");
			if (modelEnd != null && parserEnd != null) {
				((ObjectNode) parserEnd.get("data")).set("input", modelEnd.path("data").path("output").deepCopy());
			}
			return results;
		};
	}

	/**
	 * The conditions and the chosen branch are runs of their own under the root branch (LangChain.js gives
	 * them the root's run id), ending with the branch's input as theirs; the root reports each chunk of the
	 * chosen branch as its own and ends with their sum.
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
				if (event.path("event").asString().endsWith("_end") && !event.path("data").has("input")) {
					((ObjectNode) event.get("data")).set("input", root.path("data").path("input").deepCopy());
				}
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

	private static ObjectNode first(List<ObjectNode> events, String name, String suffix) {
		return events.stream().filter((e) -> name.equals(e.path("name").asString()))
			.filter((e) -> e.path("event").asString().endsWith(suffix)).findFirst().orElse(null);
	}

	private static List<ObjectNode> all(List<ObjectNode> events, String name, String suffix) {
		return events.stream().filter((e) -> name.equals(e.path("name").asString()))
			.filter((e) -> e.path("event").asString().endsWith(suffix)).toList();
	}

}
