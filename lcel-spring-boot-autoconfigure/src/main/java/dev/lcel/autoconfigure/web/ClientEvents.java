package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.StreamEvent;

/**
 * Takes what a failed run reports out of the events and run-log patches a client is streamed: the
 * {@code error} of an end event or of a run-log entry names the exception's class and carries its
 * message, which can hold internal details (a class name, a query, a host). The client gets the
 * words below instead, and the stream's {@code error} event says what the failure means for it;
 * the details go to the server's log, as for every other failure.
 */
final class ClientEvents {

	static final String FAILED = "The run failed; see the stream's error event";

	private ClientEvents() {
	}

	static StreamEvent event(StreamEvent event) {
		if (event.data() == null || !event.data().containsKey("error")) {
			return event;
		}
		Map<String, Object> data = new LinkedHashMap<>(event.data());
		data.put("error", FAILED);
		return new StreamEvent(event.event(), event.name(), event.runId(), event.parentIds(), event.tags(),
				event.metadata(), data);
	}

	static RunLogPatch patch(RunLogPatch patch) {
		List<JsonPatchOp> ops = null;
		for (int i = 0; i < patch.ops().size(); i++) {
			JsonPatchOp op = patch.ops().get(i);
			if (op.path().endsWith("/error")) {
				if (ops == null) {
					ops = new ArrayList<>(patch.ops());
				}
				ops.set(i, new JsonPatchOp(op.op(), op.path(), FAILED));
			}
		}
		return (ops != null) ? new RunLogPatch(ops) : patch;
	}

}
