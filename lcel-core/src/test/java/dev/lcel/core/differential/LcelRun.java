package dev.lcel.core.differential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.StreamEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a case's Java twin through lcel-core's public API and records what it reports in the raw shape
 * that {@code reference.mjs} writes for LangChain.js, so that one {@link Normaliser} serves both sides.
 * A fresh chain is built for every aspect (the fake models and counters keep state between calls).
 */
final class LcelRun {

	/** The longest any one aspect of a case may take: a safety limit for a hung stream, not a measurement. */
	private static final Duration LIMIT = Duration.ofSeconds(30);

	/** zjsonpatch is built on Jackson 2 (whose JsonNode is named in full here); patches and states cross over as JSON text. */
	private static final ObjectMapper JACKSON2 = new ObjectMapper();

	private LcelRun() {
	}

	static ObjectNode run(Supplier<Runnable<Object, Object>> chain, ReferenceCase spec) {
		ObjectNode results = Neutral.JSON.createObjectNode();
		RunnableConfig config = spec.config();
		if (spec.has(Aspect.INVOKE)) {
			results.set("invoke", capture(() -> chain.get().invoke(spec.input(), config)));
		}
		if (spec.has(Aspect.BATCH)) {
			results.set("batch", capture(() -> chain.get().batch(spec.batch(), config)));
		}
		if (spec.has(Aspect.STREAM)) {
			results.set("stream", collect(Flux.defer(() -> chain.get().astream(spec.input(), config)).map(Neutral::of)));
		}
		if (spec.has(Aspect.EVENTS) || spec.has(Aspect.EVENT_DATA)) {
			results.set("events", collect(Flux.defer(() -> chain.get().astreamEvents(spec.input(), config, spec.filter()))
				.map(LcelRun::event)));
		}
		if (spec.has(Aspect.LOG)) {
			results.set("log", log(chain, spec.input(), config, spec.filter()));
		}
		return results;
	}

	private static ObjectNode capture(Supplier<Object> run) {
		ObjectNode result = Neutral.JSON.createObjectNode();
		try {
			result.set("output", Neutral.of(run.get()));
		}
		catch (RuntimeException ex) {
			result.put("error", true);
		}
		return result;
	}

	private static ObjectNode collect(Flux<JsonNode> items) {
		List<JsonNode> seen = new ArrayList<>();
		ObjectNode result = Neutral.JSON.createObjectNode();
		try {
			items.doOnNext(seen::add).then().block(LIMIT);
		}
		catch (RuntimeException ex) {
			result.put("error", true);
		}
		result.set("items", Neutral.JSON.valueToTree(seen));
		return result;
	}

	private static JsonNode event(StreamEvent event) {
		ObjectNode node = Neutral.JSON.createObjectNode();
		node.put("event", event.event());
		node.put("name", event.name());
		node.put("run_id", String.valueOf(event.runId()));
		ArrayNode parents = node.putArray("parent_ids");
		event.parentIds().forEach((id) -> parents.add(String.valueOf(id)));
		ArrayNode tags = node.putArray("tags");
		event.tags().forEach(tags::add);
		node.set("data", Neutral.of(event.data()));
		return node;
	}

	private static ObjectNode log(Supplier<Runnable<Object, Object>> chain, Object input, RunnableConfig config,
			RunFilter filter) {
		List<RunLogPatch> patches = new ArrayList<>();
		ObjectNode result = Neutral.JSON.createObjectNode();
		try {
			Flux.defer(() -> chain.get().astreamLog(input, config, filter)).doOnNext(patches::add).then().block(LIMIT);
		}
		catch (RuntimeException ex) {
			result.put("error", true);
		}
		com.fasterxml.jackson.databind.JsonNode state = JACKSON2.createObjectNode();
		for (RunLogPatch patch : patches) {
			ArrayNode ops = Neutral.JSON.createArrayNode();
			for (JsonPatchOp op : patch.ops()) {
				ObjectNode node = ops.addObject().put("op", op.op()).put("path", op.path());
				node.set("value", Neutral.of(op.value()));
			}
			state = JsonPatch.apply(jackson2(ops), state);
		}
		result.set("state", patches.isEmpty() ? Neutral.JSON.nullNode() : Neutral.JSON.readTree(state.toString()));
		return result;
	}

	private static com.fasterxml.jackson.databind.JsonNode jackson2(JsonNode node) {
		try {
			return JACKSON2.readTree(Neutral.JSON.writeValueAsString(node));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a patch that Jackson 3 wrote is not JSON to Jackson 2: " + node, ex);
		}
	}

}
