package dev.lcel.core.tracing;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run tree of the seed's chain, {@code prompt | model | parser}: events and run log.
 */
class ChatChainTracingTests {

	private final FakeStreamingChatModel model = FakeStreamingChatModel.builder()
		.responses("Why did the bear sit on the log? To bear-ly rest.")
		.chunkSize(6)
		.build();

	private final Runnable<java.util.Map<String, ?>, String> chain = ChatPromptTemplate
		.fromTemplate("tell me a joke about {topic}")
		.pipe(this.model)
		.pipe(new StrOutputParser());

	@Test
	void eventsNameEachRunByItsTypeAndModelChunksArriveWhileItStreams() {
		List<StreamEvent> events = this.chain.astreamEvents(java.util.Map.of("topic", "bears")).collectList().block();
		List<String> kinds = events.stream().map((e) -> e.event()).distinct().toList();

		assertThat(kinds).containsExactly("on_chain_start", "on_prompt_start", "on_prompt_end", "on_chat_model_start",
				"on_chat_model_stream", "on_parser_start", "on_parser_stream", "on_chain_stream", "on_chat_model_end",
				"on_parser_end", "on_chain_end");
		List<String> order = events.stream().map((e) -> e.event()).toList();
		// The model's chunks interleave with the parser's: streaming is not collected first.
		assertThat(order.indexOf("on_parser_stream")).isLessThan(order.lastIndexOf("on_chat_model_stream"));
		StreamEvent modelChunk = events.stream().filter((e) -> e.event().equals("on_chat_model_stream")).findFirst().orElseThrow();
		assertThat(modelChunk.data().get("chunk")).isInstanceOf(AIMessageChunk.class);
		assertThat(events.get(events.size() - 1).data().get("output")).isEqualTo(this.chain.invoke(java.util.Map.of("topic", "bears")));
	}

	@Test
	void appliedRunLogEndsWithTheInvokeOutputAndLogsEveryStep() throws Exception {
		ObjectMapper patches = new ObjectMapper();
		JsonNode state = patches.createObjectNode();
		for (RunLogPatch patch : this.chain.astreamLog(java.util.Map.of("topic", "bears")).collectList().block()) {
			// Values (messages, prompt values) become JSON as they would over HTTP.
			JsonNode ops = patches.readTree(JsonMapper.shared().writeValueAsString(patch.ops()));
			state = JsonPatch.apply(ops, state);
		}

		assertThat(state.path("final_output").asText()).isEqualTo(this.chain.invoke(java.util.Map.of("topic", "bears")));
		List<String> runs = new java.util.ArrayList<>();
		state.path("logs").fieldNames().forEachRemaining(runs::add);
		assertThat(runs).containsExactly("ChatPromptTemplate", "FakeStreamingChatModel", "StrOutputParser");
		JsonNode modelRun = state.path("logs").path("FakeStreamingChatModel");
		assertThat(modelRun.path("type").asText()).isEqualTo("llm");
		assertThat(modelRun.path("streamed_output").size()).isGreaterThan(1);
		assertThat(modelRun.path("streamed_output_str").size()).isEqualTo(modelRun.path("streamed_output").size());
		JsonNode generation = modelRun.path("final_output").path("generations").path(0).path(0);
		assertThat(generation.path("type").asText()).isEqualTo("ChatGenerationChunk");
		assertThat(generation.path("text").asText()).isEqualTo(state.path("final_output").asText());
		assertThat(generation.path("message").path("content").asText()).isEqualTo(state.path("final_output").asText());
		assertThat(modelRun.path("final_output").path("type").asText()).isEqualTo("LLMResult");
		assertThat(state.path("logs").path("ChatPromptTemplate").path("streamed_output")).isEmpty();
	}

}
