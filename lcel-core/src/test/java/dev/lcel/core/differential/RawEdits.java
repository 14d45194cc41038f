package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The edits that {@link Departures} make to one side's raw results: each returns a
 * {@code UnaryOperator<ObjectNode>} that changes the results in place and returns them.
 */
final class RawEdits {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private RawEdits() {
	}

	static UnaryOperator<ObjectNode> all(List<UnaryOperator<ObjectNode>> edits) {
		return (results) -> {
			ObjectNode edited = results;
			for (UnaryOperator<ObjectNode> edit : edits) {
				edited = edit.apply(edited);
			}
			return edited;
		};
	}

	// ---- events ----

	static List<ObjectNode> events(ObjectNode results) {
		List<ObjectNode> events = new ArrayList<>();
		results.path("events").path("items").forEach((event) -> events.add((ObjectNode) event));
		return events;
	}

	static void setEvents(ObjectNode results, List<ObjectNode> events) {
		if (!results.has("events")) {
			return;
		}
		ArrayNode items = ((ObjectNode) results.get("events")).putArray("items");
		events.forEach(items::add);
	}

	/** Each event's {@code parent_ids} become the ancestors that the reference recorded from the callbacks. */
	static UnaryOperator<ObjectNode> ancestorsAsParentIds() {
		return (results) -> {
			for (ObjectNode event : events(results)) {
				event.set("parent_ids", event.path("ancestors").deepCopy());
			}
			return results;
		};
	}

	static Predicate<JsonNode> named(String name, String tag) {
		return (run) -> name.equals(run.path("name").asString()) && (tag == null || hasTag(run, tag));
	}

	static boolean hasTag(JsonNode run, String tag) {
		for (JsonNode t : run.path("tags")) {
			if (tag.equals(t.asString())) {
				return true;
			}
		}
		return false;
	}

	/** Runs called {@code from} (with {@code tag}, when given) are called {@code to}, in events and the log. */
	static UnaryOperator<ObjectNode> rename(String from, String tag, String to) {
		return (results) -> {
			for (ObjectNode event : events(results)) {
				if (named(from, tag).test(event)) {
					event.put("name", to);
				}
			}
			JsonNode logs = results.path("log").path("state").path("logs");
			if (logs instanceof ObjectNode entries) {
				entries.forEach((entry) -> {
					if (named(from, tag).test(entry)) {
						((ObjectNode) entry).put("name", to);
					}
				});
				rekey(entries);
			}
			return results;
		};
	}

	/** Log keys as LangChain makes them: the name, then {@code name:2}, {@code name:3} in order of start. */
	static void rekey(ObjectNode logs) {
		List<JsonNode> entries = new ArrayList<>();
		logs.forEach(entries::add);
		logs.removeAll();
		Map<String, Integer> counts = new HashMap<>();
		for (JsonNode entry : entries) {
			String name = entry.path("name").asString();
			int count = counts.merge(name, 1, Integer::sum);
			logs.set(count == 1 ? name : name + ":" + count, entry);
		}
	}

	/**
	 * Each {@code on_chat_model_stream} moves to just after the previous event of its run, where Python
	 * reports it: before the chunk travels on to the steps after the model.
	 */
	static UnaryOperator<ObjectNode> modelTokensBeforeTheyTravelOn() {
		return (results) -> {
			List<ObjectNode> moved = new ArrayList<>();
			Map<String, Integer> anchors = new HashMap<>();
			for (ObjectNode event : events(results)) {
				String kind = event.path("event").asString();
				String run = event.path("run_id").asString();
				if (kind.equals("on_chat_model_stream") && anchors.containsKey(run)) {
					int at = anchors.get(run);
					moved.add(at, event);
					shiftAnchors(anchors, at);
					anchors.put(run, moved.size());
				}
				else {
					moved.add(event);
					if (kind.equals("on_chat_model_start")) {
						anchors.put(run, moved.size());
					}
				}
			}
			setEvents(results, moved);
			return results;
		};
	}

	private static void shiftAnchors(Map<String, Integer> anchors, int insertedAt) {
		anchors.replaceAll((run, anchor) -> (anchor > insertedAt) ? anchor + 1 : anchor);
	}

	/**
	 * The sequence run selected by name and tag streams as Python's does: its start carries no input (it
	 * is only known at the end) and each chunk of its last step is also its own {@code on_chain_stream}; in
	 * the log its {@code streamed_output} is its last step's.
	 */
	static UnaryOperator<ObjectNode> childSequenceStreams(String name, String tag) {
		return (results) -> {
			List<ObjectNode> events = events(results);
			ObjectNode start = events.stream().filter((e) -> e.path("event").asString().endsWith("_start"))
				.filter(named(name, tag)).findFirst().orElse(null);
			if (start == null) {
				return results;
			}
			String run = start.path("run_id").asString();
			String lastStep = lastStep(events, run);
			((ObjectNode) start.get("data")).remove("input");
			List<ObjectNode> edited = new ArrayList<>();
			for (ObjectNode event : events) {
				edited.add(event);
				if (event.path("run_id").asString().equals(lastStep) && event.path("event").asString().endsWith("_stream")) {
					ObjectNode stream = start.deepCopy();
					stream.put("event", "on_chain_stream");
					stream.set("data", NODES.objectNode().set("chunk", event.path("data").path("chunk").deepCopy()));
					edited.add(stream);
				}
			}
			setEvents(results, edited);
			JsonNode logs = results.path("log").path("state").path("logs");
			ObjectNode sequence = logEntry(logs, named(name, tag));
			ObjectNode stepEvent = events.stream().filter((e) -> e.path("run_id").asString().equals(lastStep))
				.findFirst().orElse(null);
			ObjectNode last = (stepEvent == null) ? null
					: logEntry(logs, (entry) -> entry.path("name").equals(stepEvent.path("name"))
							&& entry.path("tags").equals(stepEvent.path("tags")));
			if (sequence != null && last != null) {
				sequence.set("streamed_output", last.path("streamed_output").deepCopy());
			}
			return results;
		};
	}

	private static String lastStep(List<ObjectNode> events, String run) {
		String last = null;
		int highest = 0;
		for (ObjectNode event : events) {
			JsonNode parents = event.path("parent_ids");
			if (parents.isEmpty() || !parents.get(parents.size() - 1).asString().equals(run)) {
				continue;
			}
			int step = step(event);
			if (step > highest) {
				highest = step;
				last = event.path("run_id").asString();
			}
		}
		return last;
	}

	private static int step(JsonNode run) {
		int step = 0;
		for (JsonNode tag : run.path("tags")) {
			if (tag.asString().startsWith("seq:step:")) {
				step = Math.max(step, Integer.parseInt(tag.asString().substring("seq:step:".length())));
			}
		}
		return step;
	}

	static ObjectNode logEntry(JsonNode logs, Predicate<JsonNode> which) {
		for (JsonNode entry : logs) {
			if (which.test(entry)) {
				return (ObjectNode) entry;
			}
		}
		return null;
	}

	/** lcel's end events of failed runs (those whose data has {@code error}) are left out. */
	static UnaryOperator<ObjectNode> dropFailedRunEnds() {
		return (results) -> {
			List<ObjectNode> kept = new ArrayList<>();
			for (ObjectNode event : events(results)) {
				if (!(event.path("event").asString().endsWith("_end") && event.path("data").has("error"))) {
					kept.add(event);
				}
			}
			setEvents(results, kept);
			return results;
		};
	}

	// ---- values ----

	/** Every occurrence of the value {@code from}, at any depth of any aspect, becomes {@code to}. */
	static UnaryOperator<ObjectNode> replaceValue(JsonNode from, JsonNode to) {
		return (results) -> (ObjectNode) replace(results, from, to);
	}

	private static JsonNode replace(JsonNode node, JsonNode from, JsonNode to) {
		if (node.equals(from)) {
			return to.deepCopy();
		}
		if (node instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			for (String name : names) {
				object.set(name, replace(object.get(name), from, to));
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, replace(array.get(i), from, to));
			}
		}
		return node;
	}

	static JsonNode json(String text) {
		return Neutral.JSON.readTree(text);
	}

	static ObjectNode copyOf(ObjectNode event, String kind, JsonNode data) {
		ObjectNode copy = event.deepCopy();
		copy.put("event", kind);
		copy.set("data", data);
		return copy;
	}

	static ObjectNode object() {
		return NODES.objectNode();
	}

}
