package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.RetryPolicy;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;
import dev.lcel.core.runnable.RunnableBranch;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnablePick;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run tree as LangChain (Python) reports it: child tags, generated names, causal order, event
 * data and run-log entries.
 */
class LangChainShapesTests {

	private final Runnable<String, String> upper = RunnableLambda.of("upper", (String s) -> s.toUpperCase());

	@Test
	void childrenAreTaggedAsLangChainTagsThem() {
		Runnable<String, Object> chain = this.upper.pipe(RunnableParallel.<String>builder()
			.branch("a", RunnableLambda.of("a", (String s) -> s))
			.branch("b", RunnableBranch.<String, String>builder()
				.when((String s) -> s.isEmpty(), RunnableLambda.of("empty", (String s) -> s))
				.otherwise(RunnableLambda.of("other", (String s) -> s)))
			.build());

		Map<String, List<String>> tags = tagsByName(chain.astreamEvents("x").collectList().block());

		assertThat(tags).containsEntry("upper", List.of("seq:step:1"))
			.containsEntry("RunnableParallel<a,b>", List.of("seq:step:2"))
			.containsEntry("a", List.of("map:key:a"))
			.containsEntry("RunnableBranch", List.of("map:key:b"))
			.containsEntry("RunnableLambda", List.of("condition:1"))
			.containsEntry("other", List.of("branch:default"));
	}

	@Test
	void tagsOfWithConfigAreInheritedAndChildTagsAreNot() {
		Runnable<String, String> inner = RunnableLambda.of("inner", (String s) -> s).pipe(this.upper);
		Runnable<String, String> chain = RunnableLambda.of("first", (String s) -> s)
			.pipe(inner.withConfig(RunnableConfig.builder().tags("mine").build()));

		Map<String, List<String>> tags = tagsByName(chain.astreamEvents("x").collectList().block());

		assertThat(tags.get("inner")).containsExactly("mine", "seq:step:1");
		assertThat(tags.get("upper")).containsExactly("mine", "seq:step:2");
		List<StreamEvent> byTag = chain.astreamEvents("x", RunnableConfig.EMPTY, RunFilter.ALL.includeTags("seq:step:2"))
			.collectList()
			.block();
		assertThat(byTag).extracting(StreamEvent::name).containsOnly("RunnableSequence", "upper");
	}

	@Test
	void retryAttemptsAfterTheFirstAreTagged() {
		int[] calls = { 0 };
		Runnable<String, String> flaky = RunnableLambda.of("flaky", (String s) -> {
			if (++calls[0] < 3) {
				throw new IllegalStateException("again");
			}
			return s;
		});
		List<StreamEvent> events = flaky.withRetry(RetryPolicy.DEFAULTS.withBackoff(java.time.Duration.ZERO,
				java.time.Duration.ZERO))
			.astreamEvents("x")
			.collectList()
			.block();

		List<List<String>> attemptTags = events.stream()
			.filter((e) -> e.event().equals("on_chain_start") && !e.parentIds().isEmpty())
			.map(StreamEvent::tags)
			.toList();
		assertThat(attemptTags).containsExactly(List.of(), List.of("retry:attempt:2"), List.of("retry:attempt:3"));
	}

	@Test
	void aPickInsideAnAssignInsideAStreamStartsAfterItsParents() {
		Runnable<String, Object> chain = RunnableLambda.of("toMap", (String s) -> Map.<String, Object>of("q", s))
			.pipe(RunnableAssign.of(Map.of("echo", RunnablePick.of("q"))))
			.pipe(RunnablePick.of("echo"));

		List<StreamEvent> events = chain.astreamEvents("x").collectList().block();

		List<String> starts = events.stream().filter((e) -> e.event().endsWith("_start")).map(StreamEvent::name).toList();
		assertThat(starts).containsExactlyInAnyOrder("RunnableSequence", "toMap", "RunnableAssign<echo>",
				"RunnableParallel<echo>", "RunnablePick<q>", "RunnablePick<echo>");
		assertThat(starts.indexOf("RunnableAssign<echo>")).isLessThan(starts.indexOf("RunnableParallel<echo>"));
		assertThat(starts.indexOf("RunnableParallel<echo>")).isLessThan(starts.indexOf("RunnablePick<q>"));
		for (StreamEvent event : events) {
			for (String parent : parentNames(events, event)) {
				assertThat(firstIndexOf(events, parent)).as("%s starts before its child %s", parent, event.name())
					.isLessThan(events.indexOf(event));
			}
		}
	}

	@Test
	void chatModelStartCarriesItsMessagesAsABatchOfOne() {
		Runnable<Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("hi {name}")
			.pipe(new FakeListChatModel("ok"))
			.pipe(new StrOutputParser());

		List<StreamEvent> events = chain.astreamEvents(Map.of("name", "ada")).collectList().block();

		StreamEvent modelStart = only(events, "on_chat_model_start");
		@SuppressWarnings("unchecked")
		List<List<BaseMessage>> messages = (List<List<BaseMessage>>) ((Map<String, Object>) modelStart.data().get("input"))
			.get("messages");
		assertThat(messages).singleElement().isEqualTo(List.of(new HumanMessage("hi ada")));
		assertThat(only(events, "on_prompt_start").data()).containsEntry("input", Map.of("name", "ada"));
		assertThat(only(events, "on_chat_model_end").data()).containsKeys("output", "input");
		assertThat(events.get(0).data()).containsEntry("input", Map.of("name", "ada"));
		StreamEvent rootEnd = events.get(events.size() - 1);
		assertThat(rootEnd.event()).isEqualTo("on_chain_end");
		assertThat(rootEnd.data()).containsOnlyKeys("output").containsEntry("output", "ok");
	}

	@Test
	void aRootThatStreamsAsOneInvokeHasEndedBeforeItsOutputAndReportsNoChunk() {
		List<StreamEvent> events = ChatPromptTemplate.fromTemplate("hi {name}")
			.astreamEvents(Map.of("name", "ada"))
			.collectList()
			.block();

		assertThat(events).extracting(StreamEvent::event).containsExactly("on_prompt_start", "on_prompt_end");
	}

	@Test
	void aBranchAtTheRootReportsTheChunksItPassesOnWhileItRuns() {
		Runnable<String, String> branch = RunnableBranch.<String, String>builder()
			.when((String s) -> s.isEmpty(), RunnableLambda.of("empty", (String s) -> s))
			.otherwise(this.upper);

		List<String> rootEvents = branch.astreamEvents("x")
			.filter((e) -> e.parentIds().isEmpty())
			.map(StreamEvent::event)
			.collectList()
			.block();

		assertThat(rootEvents).containsExactly("on_chain_start", "on_chain_stream", "on_chain_end");
	}

	@Test
	void aLambdaReturningARunnableStreamsItTokenByToken() {
		Runnable<String, String> router = RunnableLambda.route((String s) -> new FakeListChatModel("hello")
			.pipe(new StrOutputParser()));

		List<StreamEvent> events = router.astreamEvents("x").collectList().block();

		assertThat(events.stream().filter((e) -> e.event().equals("on_chat_model_stream"))).hasSize(5);
		assertThat(events.stream().filter((e) -> e.event().equals("on_chain_stream") && e.parentIds().isEmpty()))
			.hasSize(5);
		assertThat(router.astream("x").collectList().block()).containsExactly("h", "e", "l", "l", "o");
	}

	@Test
	void aRecoveredFallbackIsARunWhoseOutputIsTheFallbacks() throws Exception {
		Runnable<String, String> failing = RunnableLambda.of("failing", (String s) -> {
			throw new IllegalStateException("down");
		});
		Runnable<String, String> chain = failing.withFallbacks(this.upper);

		JsonNode log = apply(chain.astreamLog("x").collectList().block());

		assertThat(log.path("name").asText()).isEqualTo("RunnableWithFallbacks");
		assertThat(log.path("final_output").asText()).isEqualTo("X");
		assertThat(log.path("logs").path("upper").path("final_output").path("output").asText()).isEqualTo("X");
		assertThat(log.path("logs").path("failing").path("final_output").isNull()).isTrue();
	}

	@Test
	void theRunLogKeepsModelTokensApartAndAPromptsOutputUnwrapped() throws Exception {
		Runnable<Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("hi {name}")
			.pipe(new FakeListChatModel("ok"))
			.pipe(new StrOutputParser());

		JsonNode log = apply(chain.astreamLog(Map.of("name", "ada")).collectList().block());

		JsonNode prompt = log.path("logs").path("ChatPromptTemplate");
		assertThat(prompt.path("type").asText()).isEqualTo("prompt");
		assertThat(prompt.path("final_output").path("messages").path(0).path("content").asText()).isEqualTo("hi ada");
		assertThat(prompt.path("streamed_output")).isEmpty();
		JsonNode model = log.path("logs").path("FakeListChatModel");
		assertThat(model.path("streamed_output_str")).extracting(JsonNode::asText).containsExactly("o", "k");
		JsonNode parser = log.path("logs").path("StrOutputParser");
		assertThat(parser.path("streamed_output_str")).isEmpty();
		assertThat(parser.path("final_output").path("output").asText()).isEqualTo("ok");
		assertThat(log.path("streamed_output")).extracting(JsonNode::asText).containsExactly("o", "k");
	}

	@Test
	void streamedMapsAddTheirNumbersListsAndTextAsLangChainDoes() {
		Runnable<String, Map<String, Object>> counts = RunnableGenerator.of((Flux<String> in) -> Flux.just(
				Map.<String, Object>of("n", 1, "items", List.of("a"), "text", "x"),
				Map.<String, Object>of("n", 2, "items", List.of("b"), "text", "y")));

		assertThat(counts.invoke("go")).containsEntry("n", 3)
			.containsEntry("items", List.of("a", "b"))
			.containsEntry("text", "xy");
	}

	private static Map<String, List<String>> tagsByName(List<StreamEvent> events) {
		Map<String, List<String>> tags = new java.util.LinkedHashMap<>();
		events.stream()
			.filter((e) -> e.event().endsWith("_start"))
			.forEach((e) -> tags.putIfAbsent(e.name(), e.tags()));
		return tags;
	}

	private static List<String> parentNames(List<StreamEvent> events, StreamEvent event) {
		List<String> names = new ArrayList<>();
		for (java.util.UUID parent : event.parentIds()) {
			events.stream().filter((e) -> e.runId().equals(parent)).findFirst().ifPresent((e) -> names.add(e.name()));
		}
		return names;
	}

	private static int firstIndexOf(List<StreamEvent> events, String name) {
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static StreamEvent only(List<StreamEvent> events, String event) {
		return events.stream().filter((e) -> e.event().equals(event)).reduce((a, b) -> {
			throw new AssertionError("more than one " + event);
		}).orElseThrow();
	}

	private static JsonNode apply(List<RunLogPatch> patches) throws Exception {
		ObjectMapper json = new ObjectMapper();
		JsonNode state = json.createObjectNode();
		for (RunLogPatch patch : patches) {
			state = JsonPatch.apply(json.readTree(JsonMapper.shared().writeValueAsString(patch.ops())), state);
		}
		return state;
	}

}
