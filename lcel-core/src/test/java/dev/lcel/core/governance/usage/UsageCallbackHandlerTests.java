package dev.lcel.core.governance.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.cache.CachingChatModel;
import dev.lcel.core.governance.cache.InMemoryResponseCacheStore;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.models.ForwardingChatModel;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnableSequence;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage per run: every model call of a run counted once, per model, through parallels, nested
 * chains and streams. The fake model's rule: input tokens are the words of the conversation,
 * output tokens the chunks of the answer.
 */
class UsageCallbackHandlerTests {

	private final ChatModel gpt = named("gpt-test", "one two three");

	private final ChatModel claude = named("claude-test", "four five");

	/** {@code {a: gpt, nested: passthrough | {c: gpt, d: claude}}}: gpt called twice, claude once. */
	private Runnable<Object, Map<String, Object>> chain() {
		Map<String, Runnable<Object, ?>> inner = new LinkedHashMap<>();
		inner.put("c", this.gpt);
		inner.put("d", this.claude);
		Map<String, Runnable<Object, ?>> outer = new LinkedHashMap<>();
		outer.put("a", this.gpt);
		outer.put("nested", RunnableSequence.of(RunnableLambda.of((Object input) -> input), RunnableParallel.of(inner)));
		return RunnableParallel.of(outer);
	}

	@Test
	void sumsEveryModelCallOfAnInvokedRunPerModel() {
		UsageCallbackHandler usage = new UsageCallbackHandler();
		chain().invoke("hello there bears", usage.addTo(RunnableConfig.EMPTY));
		assertThat(usage.usage().models()).containsOnly(Map.entry("gpt-test", UsageMetadata.of(6, 6)),
				Map.entry("claude-test", UsageMetadata.of(3, 2)));
		assertThat(usage.usage().total()).isEqualTo(UsageMetadata.of(9, 8));
	}

	@Test
	void sumsEveryModelCallOfAStreamedRunPerModel() {
		UsageCallbackHandler usage = new UsageCallbackHandler();
		chain().astream("hello there bears", usage.addTo(RunnableConfig.builder().tags("streamed").build())).blockLast();
		assertThat(usage.usage()).isEqualTo(new RunUsage(Map.of("gpt-test", UsageMetadata.of(6, 6), "claude-test",
				UsageMetadata.of(3, 2))));
	}

	@Test
	void batchedRunsAddUp() {
		UsageCallbackHandler usage = new UsageCallbackHandler();
		this.gpt.batch(List.of("a b", "c"), usage.addTo(RunnableConfig.EMPTY));
		assertThat(usage.usage().models()).containsOnly(Map.entry("gpt-test", UsageMetadata.of(3, 6)));
	}

	@Test
	void aCallAnsweredFromTheCacheSpendsNothing() {
		ChatModel cached = CachingChatModel.builder(this.gpt, new InMemoryResponseCacheStore(10, 10_000)).build()
			.bind(Map.of("temperature", 0));
		UsageCallbackHandler first = new UsageCallbackHandler();
		cached.invoke("hello", first.addTo(RunnableConfig.EMPTY));
		UsageCallbackHandler second = new UsageCallbackHandler();
		assertThat(cached.invoke("hello", second.addTo(RunnableConfig.EMPTY)).usageMetadata()).isEqualTo(UsageMetadata.of(1, 3));
		assertThat(first.usage().total()).isEqualTo(UsageMetadata.of(1, 3));
		assertThat(second.usage().isEmpty()).isTrue();
		assertThat(second.usage().total()).isEqualTo(UsageMetadata.of(0, 0));
	}

	@Test
	void writesAsModelsAndTotal() {
		RunUsage usage = new RunUsage(Map.of("b", UsageMetadata.of(1, 2), "a", UsageMetadata.of(3, 4)));
		assertThat(JsonMapper.shared().writeValueAsString(usage)).isEqualTo("{\"models\":{"
				+ "\"a\":{\"input_tokens\":3,\"output_tokens\":4,\"total_tokens\":7},"
				+ "\"b\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}},"
				+ "\"total\":{\"input_tokens\":4,\"output_tokens\":6,\"total_tokens\":10}}");
		assertThat(usage.plus(usage).total()).isEqualTo(UsageMetadata.of(8, 12));
	}

	private static ChatModel named(String name, String response) {
		return new ForwardingChatModel(FakeStreamingChatModel.builder().responses(response).build()) {

			@Override
			public String modelName() {
				return name;
			}

		};
	}

}
