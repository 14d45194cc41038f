package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what one side reported (the raw shape of {@code reference.mjs}) into comparable lines per aspect.
 *
 * <p>Run ids become labels {@code r0, r1, ...} in the order of their first appearance (in an event's
 * {@code parent_ids} or as its {@code run_id}), so runs and parent structure compare without ids. Tags are
 * compared as a set. For cases whose branches run concurrently ({@link ReferenceCase#unordered()}), events
 * are put in a canonical order first: runs depth first, siblings by name, tags and data, each run's events by
 * phase and its chunks by value; a child started before its parent or ended after it is reported as a
 * {@code causality} line in every mode. The log's final state keeps, for the root, {@code final_output} and
 * {@code streamed_output}, and for each entry under {@code logs} its key, {@code type}, {@code tags},
 * {@code final_output}, {@code streamed_output} and {@code streamed_output_str}; ids and times are dropped.
 * For concurrent cases, entries of one name are numbered by content rather than by start order.
 */
final class Normaliser {

	private Normaliser() {
	}

	static Map<Aspect, List<JsonNode>> normalise(JsonNode results, ReferenceCase spec) {
		Map<Aspect, List<JsonNode>> aspects = new EnumMap<>(Aspect.class);
		for (Aspect aspect : spec.aspects()) {
			aspects.put(aspect, switch (aspect) {
				case INVOKE -> List.of(results.path("invoke"));
				case BATCH -> List.of(results.path("batch"));
				case STREAM -> stream(results.path("stream"), spec.unordered());
				case EVENTS -> events(results.path("events"), spec.unordered(), false);
				case EVENT_DATA -> events(results.path("events"), spec.unordered(), true);
				case LOG -> log(results.path("log"), spec.unordered());
			});
		}
		return aspects;
	}

	private static List<JsonNode> stream(JsonNode stream, boolean unordered) {
		List<JsonNode> lines = new ArrayList<>();
		stream.path("items").forEach((chunk) -> lines.add(object().set("chunk", chunk)));
		if (unordered) {
			lines.sort(Comparator.comparing(Neutral::line));
		}
		error(stream, lines);
		return lines;
	}

	private static List<JsonNode> events(JsonNode events, boolean unordered, boolean data) {
		List<JsonNode> raw = new ArrayList<>();
		events.path("items").forEach(raw::add);
		List<JsonNode> ordered = unordered ? canonicalOrder(raw) : raw;
		Map<String, String> labels = labels(ordered);
		List<JsonNode> lines = new ArrayList<>();
		for (JsonNode event : ordered) {
			ObjectNode line = object().put("event", event.path("event").asString())
				.put("name", event.path("name").asString())
				.put("run", labels.get(event.path("run_id").asString()));
			if (data) {
				line.set("data", event.path("data"));
			}
			else {
				ArrayNode parents = line.putArray("parents");
				event.path("parent_ids").forEach((id) -> parents.add(labels.get(id.asString())));
				ArrayNode tags = line.putArray("tags");
				new TreeSet<>(strings(event.path("tags"))).forEach(tags::add);
				ArrayNode keys = line.putArray("data");
				new TreeSet<>(event.path("data").propertyNames()).forEach(keys::add);
			}
			lines.add(line);
		}
		if (!data) {
			causality(raw, labels, lines);
		}
		error(events, lines);
		return lines;
	}

	private static Map<String, String> labels(List<JsonNode> events) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (JsonNode event : events) {
			event.path("parent_ids").forEach((id) -> labels.putIfAbsent(id.asString(), "r" + labels.size()));
			labels.putIfAbsent(event.path("run_id").asString(), "r" + labels.size());
		}
		return labels;
	}

	/** Runs depth first (siblings by name and tags), each run's events by phase, its chunks by value. */
	private static List<JsonNode> canonicalOrder(List<JsonNode> raw) {
		Map<String, List<JsonNode>> byRun = new LinkedHashMap<>();
		Map<String, String> parentOf = new HashMap<>();
		for (JsonNode event : raw) {
			String run = event.path("run_id").asString();
			byRun.computeIfAbsent(run, (key) -> new ArrayList<>()).add(event);
			JsonNode parents = event.path("parent_ids");
			String parent = parents.isEmpty() ? null : parents.get(parents.size() - 1).asString();
			parentOf.putIfAbsent(run, parent);
		}
		Map<String, List<String>> children = new HashMap<>();
		List<String> roots = new ArrayList<>();
		for (String run : byRun.keySet()) {
			String parent = parentOf.get(run);
			if (parent == null || !byRun.containsKey(parent)) {
				roots.add(run);
			}
			else {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(run);
			}
		}
		Comparator<String> bySignature = Comparator.comparing((String run) -> signature(byRun.get(run)));
		List<JsonNode> ordered = new ArrayList<>();
		roots.sort(bySignature);
		for (String root : roots) {
			visit(root, byRun, children, bySignature, ordered);
		}
		return ordered;
	}

	private static void visit(String run, Map<String, List<JsonNode>> byRun, Map<String, List<String>> children,
			Comparator<String> bySignature, List<JsonNode> ordered) {
		List<JsonNode> events = new ArrayList<>(byRun.get(run));
		events.sort(Comparator.comparingInt((JsonNode event) -> phase(event.path("event").asString()))
			.thenComparing((event) -> phase(event.path("event").asString()) == 1 ? Neutral.line(event.path("data")) : ""));
		ordered.addAll(events);
		List<String> kids = new ArrayList<>(children.getOrDefault(run, List.of()));
		kids.sort(bySignature);
		for (String kid : kids) {
			visit(kid, byRun, children, bySignature, ordered);
		}
	}

	/** Name and tags, then what the run reported, so that siblings of one name sort alike whatever order they ran in. */
	private static String signature(List<JsonNode> events) {
		JsonNode first = events.get(0);
		StringBuilder signature = new StringBuilder(first.path("name").asString()).append(' ')
			.append(new TreeSet<>(strings(first.path("tags"))));
		events.forEach((event) -> signature.append(' ').append(event.path("event").asString()).append(' ')
			.append(Neutral.line(event.path("data"))));
		return signature.toString();
	}

	private static int phase(String event) {
		if (event.endsWith("_start")) {
			return 0;
		}
		if (event.endsWith("_stream")) {
			return 1;
		}
		return event.endsWith("_end") ? 3 : 2;
	}

	/** A child that starts before its parent starts, or ends after its parent ends, in the order reported. */
	private static void causality(List<JsonNode> raw, Map<String, String> labels, List<JsonNode> lines) {
		Map<String, Integer> starts = new HashMap<>();
		Map<String, Integer> ends = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		for (int i = 0; i < raw.size(); i++) {
			JsonNode event = raw.get(i);
			String run = event.path("run_id").asString();
			names.putIfAbsent(run, event.path("name").asString());
			String kind = event.path("event").asString();
			if (kind.endsWith("_start")) {
				starts.putIfAbsent(run, i);
			}
			else if (kind.endsWith("_end")) {
				ends.put(run, i);
			}
		}
		for (JsonNode event : raw) {
			JsonNode parents = event.path("parent_ids");
			String run = event.path("run_id").asString();
			if (parents.isEmpty() || !event.path("event").asString().endsWith("_start")) {
				continue;
			}
			String parent = parents.get(parents.size() - 1).asString();
			String who = labels.get(run) + " " + names.get(run) + " ";
			String whose = " its parent " + labels.get(parent) + " " + names.get(parent);
			if (starts.containsKey(parent) && starts.get(parent) > starts.get(run)) {
				lines.add(object().put("causality", who + "starts before" + whose + " starts"));
			}
			if (ends.containsKey(parent) && ends.containsKey(run) && ends.get(run) > ends.get(parent)) {
				lines.add(object().put("causality", who + "ends after" + whose + " ends"));
			}
		}
	}

	private static List<JsonNode> log(JsonNode log, boolean unordered) {
		List<JsonNode> lines = new ArrayList<>();
		JsonNode state = log.path("state");
		ObjectNode root = object();
		copy(state, root, "final_output", false);
		copy(state, root, "streamed_output", unordered);
		lines.add(object().set("root", root));
		JsonNode logs = state.path("logs");
		List<ObjectNode> entries = new ArrayList<>();
		for (String key : new TreeSet<>(logs.propertyNames())) {
			JsonNode entry = logs.path(key);
			ObjectNode line = object().put("log", key);
			copy(entry, line, "type", false);
			ArrayNode tags = line.putArray("tags");
			new TreeSet<>(strings(entry.path("tags"))).forEach(tags::add);
			copy(entry, line, "final_output", false);
			copy(entry, line, "streamed_output", unordered);
			copy(entry, line, "streamed_output_str", unordered);
			line.put("name", entry.path("name").asString());
			entries.add(line);
		}
		if (unordered) {
			renumberByContent(entries);
		}
		entries.forEach((line) -> line.remove("name"));
		entries.sort(Comparator.comparing((ObjectNode line) -> line.path("log").asString()));
		lines.addAll(entries);
		error(log, lines);
		return lines;
	}

	/**
	 * Concurrent runs of one name are numbered ({@code name}, {@code name:2}, ...) in the order they
	 * started, which is not fixed: number them by what they logged instead.
	 */
	private static void renumberByContent(List<ObjectNode> entries) {
		Map<String, List<ObjectNode>> byName = new LinkedHashMap<>();
		entries.forEach((line) -> byName.computeIfAbsent(line.path("name").asString(), (key) -> new ArrayList<>()).add(line));
		byName.forEach((name, group) -> {
			group.sort(Comparator.comparing((ObjectNode line) -> {
				ObjectNode content = line.deepCopy();
				content.remove("log");
				return Neutral.line(content);
			}));
			for (int i = 0; i < group.size(); i++) {
				group.get(i).put("log", (i == 0) ? name : name + ":" + (i + 1));
			}
		});
	}

	private static void copy(JsonNode from, ObjectNode to, String field, boolean sortItems) {
		if (!from.has(field)) {
			return;
		}
		JsonNode value = from.path(field);
		if (sortItems && value instanceof ArrayNode array) {
			List<JsonNode> items = new ArrayList<>();
			array.forEach(items::add);
			items.sort(Comparator.comparing(Neutral::line));
			ArrayNode sorted = to.putArray(field);
			items.forEach(sorted::add);
			return;
		}
		to.set(field, value);
	}

	private static void error(JsonNode result, List<JsonNode> lines) {
		if (result.path("error").asBoolean()) {
			lines.add(object().put("error", true));
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((item) -> strings.add(item.asString()));
		return strings;
	}

	private static ObjectNode object() {
		return Neutral.JSON.createObjectNode();
	}

}
