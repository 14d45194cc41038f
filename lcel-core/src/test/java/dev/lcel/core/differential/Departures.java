package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.lcel.core.differential.Departure.Side;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.lcel.core.differential.Aspect.EVENTS;
import static dev.lcel.core.differential.Aspect.EVENT_DATA;
import static dev.lcel.core.differential.Aspect.INVOKE;
import static dev.lcel.core.differential.Aspect.LOG;
import static dev.lcel.core.differential.Aspect.STREAM;

/**
 * The structured list of exceptions: where LangChain.js departs from LangChain Python (the reference
 * behaviour) and where lcel reports more than LangChain on purpose. Each entry names its cases and
 * aspects, says what each side does and which Python source it follows; nothing is ignored wholesale, and
 * {@link DifferentialTests} fails an entry that no longer changes anything for a case it names.
 */
final class Departures {

	private static final String BASE = "langchain_core/runnables/base.py";

	private static final String EVENT_STREAM = "langchain_core/tracers/event_stream.py";

	/** Where LangChain names assigns, picks and parallels by their keys. */
	private static final String KEYED_NAMES = "langchain_core/runnables/passthrough.py `RunnableAssign.get_name`, "
			+ "`RunnablePick.get_name`; " + BASE + " `RunnableParallel.get_name`";

	private static final String LOG_STREAM = "langchain_core/tracers/log_stream.py";

	/** Where a generator step streams its chunks and the chat model reports its tokens. */
	private static final String GENERATOR_STREAMS = BASE + " `RunnableGenerator.atransform`; "
			+ "langchain_core/language_models/chat_models.py `BaseChatModel.astream`";

	/** Cases whose chain streams a chat model's tokens in a fixed order, one chunk per token through it. */
	private static final List<String> PIPELINE_CASES = List.of("prompt_model_str", "fallbacks_before_first_chunk",
			"bind");

	/** Ordered cases whose steps after the model do not pass each token on as a chunk of its own. */
	private static final List<String> LATE_TOKEN_CASES = List.of("json_parser_streaming");

	/**
	 * Cases whose run log has a chat model run that ends (with {@code include_types=chat_model} the log has
	 * none: chat model runs are of type {@code llm} there).
	 */
	private static final List<String> MODEL_LOG_CASES = List.of("prompt_model_str", "parallel_in_sequence",
			"parallel_streaming", "lambda_blocks_stream", "generator_after_model", "fallbacks_before_first_chunk",
			"bind", "json_parser_streaming", "lambda_returns_runnable", "error_mid_stream", "filter_by_tag",
			"filter_by_sequence_tag");

	/** Cases with events whose runs have parents (the branch's runs get theirs in its own departure). */
	private static final List<String> NESTED_EVENT_CASES = List.of("prompt_model_str", "parallel",
			"parallel_in_sequence", "parallel_streaming", "assign", "pick", "pick_in_assign_in_stream",
			"lambda_blocks_stream", "generator", "generator_after_model", "fallbacks_before_first_chunk",
			"fallbacks_after_first_chunk", "retry", "each", "nested_sequences", "nested_named_sequence", "bind",
			"with_config_tags_and_names", "json_parser_streaming", "lambda_returns_runnable", "dict_chunk_addition",
			"error_mid_stream", "recursion_limit", "filter_by_name", "filter_by_type", "filter_by_tag",
			"filter_by_sequence_tag", "filter_exclusions");

	/** Cases whose root output is not a map: LangChain.js logs it as {@code {"output": x}}. */
	private static final List<String> WRAPPED_ROOT_OUTPUT_CASES = List.of("prompt_model_str", "parallel_in_sequence",
			"pick", "lambda_blocks_stream", "generator", "generator_after_model", "branch",
			"fallbacks_before_first_chunk", "nested_sequences", "nested_named_sequence", "bind",
			"with_config_tags_and_names", "lambda_returns_runnable", "retry", "error_mid_stream", "recursion_limit",
			"fallbacks_after_first_chunk", "each", "filter_by_name", "filter_by_type", "filter_by_tag",
			"filter_by_sequence_tag", "filter_exclusions");

	/** Cases in which a run fails. */
	private static final List<String> FAILING_RUN_CASES = List.of("fallbacks_before_first_chunk",
			"fallbacks_after_first_chunk", "retry", "error_mid_stream", "recursion_limit");

	/**
	 * Cases in which a run fails or never ends, so that its log entry has no final output: the
	 * failing ones, since no case runs forever.
	 */
	private static final List<String> UNFINISHED_RUN_CASES = FAILING_RUN_CASES;

	static final List<Departure> ALL = List.of(
			js(NESTED_EVENT_CASES, Set.of(EVENTS), "streamEvents v2 reports every event without parent_ids",
					"parent_ids lists the run's ancestors, root first; the reference takes them from the callbacks' parent run ids",
					EVENT_STREAM + " `_AstreamEventsCallbackHandler._get_parent_ids`", RawEdits.ancestorsAsParentIds()),
			js(LATE_TOKEN_CASES, Set.of(EVENTS, EVENT_DATA),
					"the fake chat model reports each token after yielding it, so on_chat_model_stream follows the events of the steps after it",
					"BaseChatModel reports each token (on_llm_new_token) before it yields the chunk on",
					"langchain_core/language_models/chat_models.py `BaseChatModel.astream`",
					RawEdits.modelTokensBeforeTheyTravelOn()),
			js(List.of("parallel"), Set.of(EVENTS, EVENT_DATA, LOG), "a parallel runs as `RunnableMap`",
					"a parallel's generated name lists its keys", BASE + " `RunnableParallel.get_name`",
					RawEdits.rename("RunnableMap", null, "RunnableParallel<upper,length>")),
			js(List.of("parallel_in_sequence"), Set.of(EVENTS, EVENT_DATA, LOG),
					"a parallel runs as `RunnableMap`, a pick as `RunnablePick`",
					"generated names list the keys", BASE + " `RunnableParallel.get_name`; "
							+ "langchain_core/runnables/passthrough.py `RunnablePick.get_name`",
					RawEdits.all(List.of(RawEdits.rename("RunnableMap", null, "RunnableParallel<joke,topic>"),
							RawEdits.rename("RunnablePick", null, "RunnablePick<topic>")))),
			js(List.of("parallel_streaming"), Set.of(EVENTS, EVENT_DATA, LOG), "a parallel runs as `RunnableMap`",
					"a parallel's generated name lists its keys", BASE + " `RunnableParallel.get_name`",
					RawEdits.rename("RunnableMap", null, "RunnableParallel<joke,echo>")),
			js(List.of("assign"), Set.of(EVENTS, EVENT_DATA, LOG),
					"an assign runs as `RunnableAssign`, its mapper as `RunnableMap`", "generated names list the keys",
					"langchain_core/runnables/passthrough.py `RunnableAssign.get_name`; " + BASE
							+ " `RunnableParallel.get_name`",
					assignNamed("doubled")),
			js(List.of("pick"), Set.of(EVENTS, EVENT_DATA, LOG),
					"assign, its mapper and pick run as `RunnableAssign`, `RunnableMap`, `RunnablePick`",
					"generated names list the keys", KEYED_NAMES,
					assignNamed("doubled", RawEdits.rename("RunnablePick", null, "RunnablePick<doubled>"))),
			js(List.of("pick_in_assign_in_stream"), Set.of(EVENTS, EVENT_DATA, LOG),
					"assign, its mapper and both picks run as `RunnableAssign`, `RunnableMap`, `RunnablePick`",
					"generated names list the keys", KEYED_NAMES,
					assignNamed("again", RawEdits.rename("RunnablePick", "seq:step:3", "RunnablePick<topic,again>"),
							RawEdits.rename("RunnablePick", "map:key:again", "RunnablePick<topic>"))),
			js(List.of("each"), Set.of(EVENTS, EVENT_DATA, LOG), "each runs as `RunnableEach`",
					"each's generated name names the runnable it maps", BASE + " `RunnableEach.get_name`",
					RawEdits.rename("RunnableEach", null, "RunnableEach<double>")),
			js(List.of("parallel_in_sequence", "parallel_streaming"), Set.of(EVENTS, EVENT_DATA, LOG),
					"a sequence inside a parallel runs through its own stream: it starts with its input and reports no chunks",
					"the parallel transforms each branch's input stream, so the sequence starts without input and reports each chunk (on_chain_stream, streamed_output)",
					BASE + " `RunnableParallel._atransform`, `RunnableSequence.atransform` (through `Runnable._atransform_stream_with_config`)",
					RawEdits.childSequenceStreams("RunnableSequence", "map:key:joke")),
			js(List.of("lambda_returns_runnable"), Set.of(EVENTS, EVENT_DATA, LOG),
					"the sequence a lambda returns starts with its input and reports no chunks",
					"the lambda streams the returned sequence, which starts without input and reports each chunk",
					BASE + " `RunnableLambda._atransform`, `RunnableSequence.astream`",
					RawEdits.childSequenceStreams("RunnableSequence", null)),
			js(List.of("lambda_returns_runnable"), Set.of(EVENTS, EVENT_DATA),
					"the fake chat model reports each token after yielding it and the returned sequence reads ahead",
					"each token is reported before it is yielded and goes through parser, returned sequence and lambda before the next",
					"langchain_core/language_models/chat_models.py `BaseChatModel.astream`; " + BASE
							+ " `RunnableLambda._atransform`",
					DepartureEdits.chunksTravelThePipelineOneByOne(
							List.of("FakeListChatModel", "StrOutputParser", "RunnableSequence", "$root"))),
			js(List.of("nested_named_sequence"), Set.of(EVENTS, EVENT_DATA, LOG),
					"the inner sequence (bound with a run name) starts with its input and reports no chunks",
					"the binding transforms the inner sequence's input stream: it starts without input and reports each chunk",
					BASE + " `RunnableBindingBase.atransform`, `RunnableSequence.atransform`",
					RawEdits.childSequenceStreams("inner", "seq:step:2")),
			js(PIPELINE_CASES, Set.of(EVENTS, EVENT_DATA),
					"the fake chat model reports each token after yielding it and wrappers read ahead, so tokens and the chunks they become interleave irregularly",
					"BaseChatModel reports each token before yielding it, and each chunk goes through the whole chain before the next is made; a streaming step starts at its first chunk",
					"langchain_core/language_models/chat_models.py `BaseChatModel.astream`; " + BASE
							+ " `Runnable._atransform_stream_with_config`",
					DepartureEdits.chunksTravelThePipelineOneByOne(List.of("FakeListChatModel", "StrOutputParser", "$root"))),
			js(List.of("lambda_blocks_stream"), Set.of(EVENTS, EVENT_DATA),
					"the fake chat model reports each token after yielding it and wrappers read ahead; the blocking lambda starts once its whole input is there",
					"each token is reported before it is yielded and goes through the parser before the next; the lambda, a streaming step that aggregates, starts at its first input chunk and yields (so the root streams) only after its input has ended",
					"langchain_core/language_models/chat_models.py `BaseChatModel.astream`; " + BASE
							+ " `Runnable._atransform_stream_with_config` (`await py_anext(input_for_tracing)` before `on_chain_start`), `RunnableLambda._atransform`",
					DepartureEdits.chunksTravelThePipelineOneByOne(List.of("FakeListChatModel", "StrOutputParser"), "shout")),
			js(List.of("generator"), Set.of(EVENTS, EVENT_DATA),
					"the step before the generator ends as soon as it has made its one chunk (LangChain.js reads ahead)",
					"steps pull their input: the lambda's end is reported when the generator pulls again, after its last letter went through the chain",
					BASE + " `Runnable._atransform_stream_with_config`, `RunnableGenerator.atransform`",
					DepartureEdits.upstreamEndsWhenPulledAgain("prep", "letters", "_end")),
			js(List.of("nested_named_sequence"), Set.of(EVENTS, EVENT_DATA),
					"the first step ends as soon as it has made its one chunk, before the inner sequence starts (LangChain.js reads ahead)",
					"steps pull their input: the inner sequence and its first step start at the first chunk, and the first step's end is reported when that lambda, which aggregates its input, pulls again, before it yields",
					BASE + " `Runnable._atransform_stream_with_config` (`await py_anext(input_for_tracing)` before `on_chain_start`), `RunnableLambda._atransform`",
					DepartureEdits.upstreamEndsWhenPulledAgain("a", "b", "_stream")),
			generatorAfterModel("generator_after_model", "upper",
					"LangChain.js has no transform generator: its generator step (a lambda returning an async generator) waits for its whole input; the fake model reports tokens late",
					"a RunnableGenerator transforms its input chunk by chunk: it starts at the first chunk and streams each at once, and each token goes through the chain before the next"),
			js(List.of("json_parser_streaming"), Set.of(EVENT_DATA),
					"the JSON parser's end reports its last input chunk as its input",
					"a transforming step's end reports the sum of its input chunks: the whole message",
					BASE + " `Runnable._atransform_stream_with_config`",
					DepartureEdits.parserEndsWithTheWholeMessage("JsonOutputParser", "FakeListChatModel")),
			generatorAfterModel("error_mid_stream", "explode",
					"the failing generator (a lambda returning an async generator) waits for its whole input before it streams; the fake model reports tokens late",
					"the RunnableGenerator streams each chunk as it arrives and fails after the last; each token goes through the chain before the next"),
			js(List.of("branch"), Set.of(EVENTS, EVENT_DATA),
					"a streamed branch gives its conditions and branch the root's run id, so it reports neither its chunks nor its end, and their ends lack the input",
					"conditions and branch are child runs whose ends carry the input; the root's output is tapped (on_chain_stream per chunk) and the branch ends with its output (the root's end without input)",
					"langchain_core/runnables/branch.py `RunnableBranch.astream`; " + EVENT_STREAM
							+ " `_astream_events_implementation_v2`",
					DepartureEdits.branchRootStreamsAndEnds("starts_with_b")),
			js(List.of("fallbacks_before_first_chunk"), Set.of(EVENT_DATA, LOG),
					"the fallbacks run ends with output {}",
					"the fallbacks run ends with the sum of the chunks it streamed (the fallback model's message)",
					BASE + " `RunnableWithFallbacks.astream`", DepartureEdits.fallbacksEndWithTheirChunks()),
			js(List.of("dict_chunk_addition"), Set.of(INVOKE, STREAM, EVENT_DATA, LOG),
					"map chunks add by `concat`: a list value is replaced, nested maps merge",
					"map chunks (AddableDict) add key by key with `+`: lists concatenate, and a nested plain map, which has no `+`, is replaced",
					"langchain_core/runnables/utils.py `AddableDict.__add__`",
					RawEdits.replaceValue(
							RawEdits.json("{\"text\":\"abcd\",\"n\":3,\"list\":[2],\"nested\":{\"x\":\"pq\",\"y\":1},\"extra\":true}"),
							RawEdits.json("{\"text\":\"abcd\",\"n\":3,\"list\":[1,2],\"nested\":{\"x\":\"q\",\"y\":1},\"extra\":true}"))),
			js(WRAPPED_ROOT_OUTPUT_CASES, Set.of(LOG), "the root's final_output is `{\"output\": x}` (absent when the chain fails)",
					"the root's final_output is the sum of its streamed chunks (null before the first)",
					LOG_STREAM + " `_astream_log_implementation` (consume_astream), `LogStreamCallbackHandler.include_run`",
					LogEdits.rootFinalOutputIsTheSumOfItsChunks()),
			js(UNFINISHED_RUN_CASES, Set.of(LOG), "a failed run's log entry has no final_output",
					"every log entry starts with final_output null and a failed run keeps it",
					LOG_STREAM + " `LogStreamCallbackHandler._on_run_create`, `_on_run_update`",
					LogEdits.finalOutputNullWhenAbsent()),
			js(MODEL_LOG_CASES, Set.of(LOG),
					"a chat model's final_output is `{generations: [[{text, generationInfo, message}]]}`",
					"it is the LLMResult the tracer dumps: `{generations: [[{text, generation_info, type, message}]], llm_output, run, type}`",
					"langchain_core/tracers/core.py `_TracerCore._complete_llm_run`; " + LOG_STREAM
							+ " `_get_standardized_outputs`",
					LogEdits.chatModelFinalOutputIsAnLlmResult()),
			lcel(List.of("retry"), Set.of(STREAM, EVENTS, EVENT_DATA, LOG),
					"a retry retries a stream until its first chunk and is a run of its own around its attempts in a stream too",
					"LangChain's RunnableRetry streams without retrying (it inherits stream and transform from RunnableBindingBase, overriding only invoke and batch): the retried step runs as the retry's run and the stream fails with the first attempt; lcel's extra is documented in docs/streaming.md",
					"docs/streaming.md, Where lcel reports something else than LangChain; langchain_core/runnables/retry.py `RunnableRetry`, "
							+ BASE + " `RunnableBindingBase.atransform`",
					ExtraEdits.retryStreamsWithoutRetrying()),
			new Departure(FAILING_RUN_CASES, Set.of(EVENTS, EVENT_DATA), Side.LCEL,
					"a run that fails ends with an on_*_end event carrying data.error",
					"LangChain reports no event for a failed run (the stream then fails); lcel's extra end is documented in docs/streaming.md (Errors)",
					"docs/streaming.md, `astreamEvents` (Errors); " + EVENT_STREAM
							+ " `_AstreamEventsCallbackHandler` has no on_chain_error",
					RawEdits.dropFailedRunEnds()),
			lcel(List.of("json_parser_streaming"), Set.of(EVENTS, EVENT_DATA),
					"the JSON parser emits a number only when it is complete: `{\"a\":[1]}` at the `,` token after the 1",
					"LangChain's `parse_partial_json` reads a number that may still grow as it stands, so it emits `{\"a\":[1]}` at the `1` token; lcel's extra is documented in docs/streaming.md (a partial number would be a different number)",
					"docs/streaming.md, Where lcel reports something else than LangChain; langchain_core/utils/json.py `parse_partial_json`, "
							+ "langchain_core/output_parsers/transform.py `BaseCumulativeTransformOutputParser._atransform`",
					ExtraEdits.numbersAtTheirLastDigit("FakeListChatModel", "JsonOutputParser")),
			lcel(List.of("dict_chunk_addition"), Set.of(INVOKE, STREAM, EVENT_DATA, LOG),
					"streamed maps merge nested maps recursively: `nested` adds up to {x: pq, y: 1}",
					"AddableDict adds key by key with `+`, and a nested plain dict, which has no `+`, is replaced by the later one: {x: q, y: 1}; lcel's extra is documented in docs/streaming.md",
					"docs/streaming.md, Where lcel reports something else than LangChain; langchain_core/runnables/utils.py `AddableDict.__add__`",
					RawEdits.replaceValue(
							RawEdits.json("{\"text\":\"abcd\",\"n\":3,\"list\":[1,2],\"nested\":{\"x\":\"pq\",\"y\":1},\"extra\":true}"),
							RawEdits.json("{\"text\":\"abcd\",\"n\":3,\"list\":[1,2],\"nested\":{\"x\":\"q\",\"y\":1},\"extra\":true}"))),
			lcel(List.of("filter_by_type"), Set.of(LOG),
					"`RunFilter.includeTypes(CHAT_MODEL)` finds the chat model in `astreamLog` too",
					"LangChain's run log types a chat model run `llm`, so `include_types=[\"chat_model\"]` finds none there; lcel's extra is documented in docs/streaming.md",
					"docs/streaming.md, Where lcel reports something else than LangChain; " + LOG_STREAM
							+ " `LogStreamCallbackHandler.include_run`, `_on_run_create` (run_type `llm`)",
					ExtraEdits.noChatModelRunsInTheLog()));

	private Departures() {
	}

	/**
	 * A case whose generator step follows the fake model and its parser: each side streams the
	 * generator's chunks its own way, and the model's tokens travel the pipeline one by one.
	 */
	private static Departure generatorAfterModel(String caseId, String generator, String javascript,
			String python) {
		return js(List.of(caseId), Set.of(EVENTS, EVENT_DATA), javascript, python, GENERATOR_STREAMS,
				DepartureEdits.chunksTravelThePipelineOneByOne(
						List.of("FakeListChatModel", "StrOutputParser", generator, "$root")));
	}

	/**
	 * Rename an assign and its mapper to the names lcel generates from the assigned keys, then
	 * apply the other renames of the case.
	 */
	@SafeVarargs
	private static UnaryOperator<ObjectNode> assignNamed(String keys, UnaryOperator<ObjectNode>... others) {
		List<UnaryOperator<ObjectNode>> edits = new ArrayList<>();
		edits.add(RawEdits.rename("RunnableAssign", null, "RunnableAssign<" + keys + ">"));
		edits.add(RawEdits.rename("RunnableMap", null, "RunnableParallel<" + keys + ">"));
		edits.addAll(List.of(others));
		return RawEdits.all(edits);
	}

	private static Departure js(List<String> cases, Set<Aspect> aspects, String javascript, String python,
			String source, UnaryOperator<ObjectNode> adjust) {
		return new Departure(cases, aspects, Side.JAVASCRIPT, javascript, python, source, adjust);
	}

	private static Departure lcel(List<String> cases, Set<Aspect> aspects, String lcel, String python, String source,
			UnaryOperator<ObjectNode> adjust) {
		return new Departure(cases, aspects, Side.LCEL, lcel, python, source, adjust);
	}

	static List<Departure> of(String caseId) {
		return ALL.stream().filter((d) -> d.appliesTo(caseId)).toList();
	}

	static ObjectNode apply(List<Departure> departures, Side side, JsonNode results) {
		ObjectNode adjusted = (ObjectNode) results.deepCopy();
		for (Departure departure : departures) {
			if (departure.side() == side) {
				adjusted = departure.adjust().apply(adjusted);
			}
		}
		return adjusted;
	}

	static List<Departure> forAspect(List<Departure> departures, Aspect aspect) {
		List<Departure> matching = new ArrayList<>();
		departures.stream().filter((d) -> d.aspects().contains(aspect)).forEach(matching::add);
		return matching;
	}

}
