package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The edits of lcel's documented extras ({@code docs/streaming.md}, "Where lcel reports something else than
 * LangChain"): each takes one extra out of what lcel reported, so that the rest is compared with LangChain
 * Python's report (see {@link Departures} for the reasons).
 */
final class ExtraEdits {

	private static final String RETRY_TAG = "retry:attempt:";

	private ExtraEdits() {
	}

	/**
	 * LangChain's {@code parse_partial_json} reads a number that may still grow as it stands, so the JSON
	 * parser emits it at the token of its last digit; lcel's parser waits for the token after it. Each chunk
	 * the parser emits at a token that starts after a number (the model token before it ended with a digit)
	 * moves, with the events that follow from it up to the next model token, before that token.
	 */
	static UnaryOperator<ObjectNode> numbersAtTheirLastDigit(String model, String parser) {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			List<ObjectNode> edited = new ArrayList<>();
			String previousToken = "";
			for (int i = 0; i < events.size(); i++) {
				ObjectNode event = events.get(i);
				if (!isToken(event, model)) {
					edited.add(event);
					continue;
				}
				String token = event.path("data").path("chunk").path("content").asString();
				List<ObjectNode> following = new ArrayList<>();
				int j = i + 1;
				while (j < events.size() && !isToken(events.get(j), model)) {
					following.add(events.get(j));
					j++;
				}
				boolean emits = following.stream().anyMatch((e) -> parser.equals(e.path("name").asString())
						&& e.path("event").asString().endsWith("_stream"));
				if (emits && endsWithDigit(previousToken) && !token.isEmpty() && !continuesNumber(token.charAt(0))) {
					edited.addAll(following);
					edited.add(event);
				}
				else {
					edited.add(event);
					edited.addAll(following);
				}
				previousToken = token;
				i = j - 1;
			}
			RawEdits.setEvents(results, edited);
			return results;
		};
	}

	private static boolean isToken(JsonNode event, String model) {
		return model.equals(event.path("name").asString()) && event.path("event").asString().equals("on_chat_model_stream");
	}

	private static boolean endsWithDigit(String token) {
		return !token.isEmpty() && Character.isDigit(token.charAt(token.length() - 1));
	}

	private static boolean continuesNumber(char c) {
		return Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
	}

	/**
	 * Without lcel's retry of a stream, the stream fails where the first attempt failed, and the retry is no
	 * run of its own: the retried step runs as the retry's run (its tags, its place) and, a streaming step,
	 * starts at its first input chunk, right after the first chunk of the step before it. What lcel reports
	 * after the first attempt's failure (the later attempts, the chunks they made, the ends) goes; the failure
	 * ends the retry's run and the stream fails. In the log the attempts' entries go, the retry's entry and
	 * the root keep only what came before the failure, and the log fails. Nothing changes when the first
	 * attempt succeeds.
	 */
	static UnaryOperator<ObjectNode> retryStreamsWithoutRetrying() {
		return (results) -> {
			List<ObjectNode> events = RawEdits.events(results);
			String retry = events.stream().filter((e) -> hasRetryTag(e)).map(ExtraEdits::parent).findFirst().orElse(null);
			if (retry == null) {
				return results;
			}
			ObjectNode retryStart = startOf(events, retry);
			String attempt = events.stream().filter((e) -> retry.equals(parent(e)))
				.map((e) -> e.path("run_id").asString()).findFirst().orElse(null);
			ObjectNode failure = events.stream().filter((e) -> e.path("run_id").asString().equals(attempt))
				.filter((e) -> e.path("event").asString().endsWith("_end") && e.path("data").has("error"))
				.findFirst().orElse(null);
			if (retryStart == null || failure == null) {
				return results;
			}
			String root = events.get(0).path("run_id").asString();
			List<ObjectNode> edited = new ArrayList<>();
			int rootChunks = 0;
			for (ObjectNode event : events) {
				if (event == failure) {
					break;
				}
				String run = event.path("run_id").asString();
				if (event == retryStart || run.equals(attempt) && event.path("event").asString().endsWith("_start")) {
					continue;
				}
				if (run.equals(root) && event.path("event").asString().equals("on_chain_stream")) {
					rootChunks++;
				}
				edited.add(event);
			}
			ObjectNode start = retryStart.deepCopy();
			((ObjectNode) start.get("data")).remove("input");
			edited.add(afterFirstChunkOfStepBefore(edited, retryStart), start);
			ObjectNode end = failure.deepCopy();
			end.setAll(RawEdits.object().put("run_id", retry).put("name", retryStart.path("name").asString()));
			end.set("parent_ids", retryStart.path("parent_ids").deepCopy());
			end.set("tags", retryStart.path("tags").deepCopy());
			edited.add(end);
			RawEdits.setEvents(results, edited);
			((ObjectNode) results.get("events")).put("error", true);
			failStream(results, rootChunks);
			failLog(results, retryStart, rootChunks);
			return results;
		};
	}

	private static boolean hasRetryTag(JsonNode event) {
		for (JsonNode tag : event.path("tags")) {
			if (tag.asString().startsWith(RETRY_TAG)) {
				return true;
			}
		}
		return false;
	}

	private static String parent(JsonNode event) {
		JsonNode parents = event.path("parent_ids");
		return parents.isEmpty() ? null : parents.get(parents.size() - 1).asString();
	}

	private static ObjectNode startOf(List<ObjectNode> events, String run) {
		return events.stream().filter((e) -> e.path("run_id").asString().equals(run))
			.filter((e) -> e.path("event").asString().endsWith("_start")).findFirst().orElse(null);
	}

	/** The index just after the first stream event of the retry's previous sibling ({@code seq:step:N-1}). */
	private static int afterFirstChunkOfStepBefore(List<ObjectNode> events, ObjectNode retryStart) {
		String before = null;
		for (JsonNode tag : retryStart.path("tags")) {
			if (tag.asString().startsWith("seq:step:")) {
				before = "seq:step:" + (Integer.parseInt(tag.asString().substring("seq:step:".length())) - 1);
			}
		}
		String parent = parent(retryStart);
		for (int i = 0; i < events.size(); i++) {
			ObjectNode event = events.get(i);
			if (before != null && RawEdits.hasTag(event, before) && parent != null && parent.equals(parent(event))
					&& event.path("event").asString().endsWith("_stream")) {
				return i + 1;
			}
		}
		return events.size();
	}

	private static void failStream(ObjectNode results, int chunks) {
		if (results.path("stream") instanceof ObjectNode stream) {
			List<JsonNode> kept = new ArrayList<>();
			stream.path("items").forEach(kept::add);
			ArrayNode items = stream.putArray("items");
			stream.put("error", true);
			kept.stream().limit(chunks).forEach(items::add);
		}
	}

	private static void failLog(ObjectNode results, ObjectNode retryStart, int chunks) {
		if (!(results.path("log") instanceof ObjectNode log) || !(log.path("state") instanceof ObjectNode state)) {
			return;
		}
		log.put("error", true);
		truncate(state, chunks);
		state.putNull("final_output");
		if (!(state.path("logs") instanceof ObjectNode logs)) {
			return;
		}
		String name = retryStart.path("name").asString();
		List<String> keys = new ArrayList<>(logs.propertyNames());
		for (String key : keys) {
			JsonNode entry = logs.get(key);
			if (!name.equals(entry.path("name").asString())) {
				continue;
			}
			if (entry.path("tags").equals(retryStart.path("tags"))) {
				// a retry retries only until the first chunk: its first attempt failed before streaming any
				truncate((ObjectNode) entry, 0);
				((ObjectNode) entry).putNull("final_output");
			}
			else {
				logs.remove(key);
			}
		}
		RawEdits.rekey(logs);
	}

	private static void truncate(ObjectNode entry, int chunks) {
		List<JsonNode> kept = new ArrayList<>();
		entry.path("streamed_output").forEach(kept::add);
		ArrayNode items = entry.putArray("streamed_output");
		kept.stream().limit(chunks).forEach(items::add);
	}

	/** LangChain's run log types a chat model run {@code llm}, so a filter for chat models finds none there. */
	static UnaryOperator<ObjectNode> noChatModelRunsInTheLog() {
		return (results) -> {
			if (results.path("log").path("state").path("logs") instanceof ObjectNode logs) {
				List<String> keys = new ArrayList<>(logs.propertyNames());
				keys.stream().filter((key) -> "llm".equals(logs.get(key).path("type").asString())).forEach(logs::remove);
			}
			return results;
		};
	}

}
