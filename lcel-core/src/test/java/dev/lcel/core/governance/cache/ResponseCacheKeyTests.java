package dev.lcel.core.governance.cache;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ToolDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache key: equal calls share one, whatever the order of keys and the writing of numbers;
 * any difference in what the provider is sent gives another. Seeded: the seed is printed, and
 * {@code -Dlcel.test.seed=N} replays it.
 */
class ResponseCacheKeyTests {

	private static final List<BaseMessage> CONVERSATION = List.of(new SystemMessage("Be brief."),
			new HumanMessage("Tell me a joke about bears"));

	@Test
	void equalCallsShareAKey() {
		String first = ResponseCacheKey.of("openai", "gpt-4o-mini", CONVERSATION, options(0.0, Map.of("seed", 7)));
		String second = ResponseCacheKey.of("openai", "gpt-4o-mini",
				List.of(new SystemMessage("Be brief."), new HumanMessage("Tell me a joke about bears")),
				options(0.0, Map.of("seed", 7)));
		assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void keyOrderAndNumberFormattingDoNotChangeTheKey() {
		long seed = Long.getLong("lcel.test.seed", System.nanoTime());
		System.out.println("ResponseCacheKeyTests seed: " + seed);
		Random random = new Random(seed);
		for (int round = 0; round < 200; round++) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(8); i++) {
				names.add("k" + i);
			}
			int whole = random.nextInt(1000);
			List<String> shuffled = new ArrayList<>(names);
			Collections.shuffle(shuffled, random);
			String one = ResponseCacheKey.of("p", "m", CONVERSATION, withTool(options(0.0, extra(names, whole, 0)), names));
			String other = ResponseCacheKey.of("p", "m", CONVERSATION,
					withTool(options(0.0, extra(shuffled, whole, 1 + random.nextInt(2))), shuffled));
			assertThat(other).as("seed %d, round %d", seed, round).isEqualTo(one);
		}
	}

	@Test
	void everyDifferenceInWhatTheProviderSeesChangesTheKey() {
		ChatOptions base = options(0.0, Map.of("seed", 7));
		List<String> keys = List.of(ResponseCacheKey.of("openai", "m", CONVERSATION, base),
				ResponseCacheKey.of("anthropic", "m", CONVERSATION, base),
				ResponseCacheKey.of("openai", "other", CONVERSATION, base),
				ResponseCacheKey.of("openai", "m", List.of(new SystemMessage("Be brief."), new HumanMessage("Tell me a joke about cats")), base),
				ResponseCacheKey.of("openai", "m", List.of(new HumanMessage("Be brief."), new HumanMessage("Tell me a joke about bears")), base),
				ResponseCacheKey.of("openai", "m", List.of(new HumanMessage("Tell me a joke about bears")), base),
				ResponseCacheKey.of("openai", "m", CONVERSATION, options(0.1, Map.of("seed", 7))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, options(null, Map.of("seed", 7))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, options(0.0, Map.of("seed", 8))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, options(0.0, Map.of())),
				ResponseCacheKey.of("openai", "m", CONVERSATION, base.merge(new ChatOptions(null, 10, null, null, null, null))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, base.merge(new ChatOptions(null, null, List.of("\n"), null, null, null))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, base.merge(new ChatOptions(null, null, null, 0.5, null, null))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, withTool(base, List.of("city"))),
				ResponseCacheKey.of("openai", "m", CONVERSATION, withTool(base, List.of("town"))));
		assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
	}

	@Test
	void whatProvidersAreNotSentDoesNotChangeTheKey() {
		ToolCall call = new ToolCall("call_1", "weather", Map.of("city", "Oslo"));
		List<BaseMessage> first = List.of(new HumanMessage("Weather in Oslo?"),
				new AIMessage("", List.of(call), UsageMetadata.of(5, 3), Map.of("model_name", "a"), "run-1", null),
				new ToolMessage("sunny", "call_1"));
		List<BaseMessage> replayed = List.of(new HumanMessage("Weather in Oslo?"),
				new AIMessage("", List.of(call), UsageMetadata.of(9, 9), Map.of("model_name", "b"), "run-2", null),
				new ToolMessage("sunny", "call_1"));
		List<BaseMessage> otherCall = List.of(new HumanMessage("Weather in Oslo?"),
				new AIMessage("", List.of(new ToolCall("call_2", "weather", Map.of("city", "Oslo"))), null, null, null, null),
				new ToolMessage("sunny", "call_2"));
		ChatOptions options = options(0.0, Map.of());
		assertThat(ResponseCacheKey.of("p", "m", replayed, options)).isEqualTo(ResponseCacheKey.of("p", "m", first, options));
		assertThat(ResponseCacheKey.of("p", "m", otherCall, options)).isNotEqualTo(ResponseCacheKey.of("p", "m", first, options));
	}

	private static ChatOptions options(Double temperature, Map<String, Object> extra) {
		return new ChatOptions(temperature, null, null, null, null, extra);
	}

	/** Options whose values are equal whatever {@code form}: 0 writes numbers as ints, 1 as doubles, 2 with trailing zeros. */
	private static Map<String, Object> extra(List<String> names, int whole, int form) {
		Map<String, Object> extra = new LinkedHashMap<>();
		for (String name : names) {
			Object number = switch (form) {
				case 0 -> whole;
				case 1 -> (double) whole;
				default -> new BigDecimal(whole + ".000");
			};
			Map<String, Object> nested = new LinkedHashMap<>();
			nested.put("z", number);
			nested.put("a", name);
			if (form > 0) {
				Map<String, Object> reversed = new LinkedHashMap<>();
				reversed.put("a", name);
				reversed.put("z", number);
				nested = reversed;
			}
			extra.put(name, nested);
		}
		return extra;
	}

	private static ChatOptions withTool(ChatOptions options, List<String> properties) {
		ObjectNode parameters = JsonMapper.shared().createObjectNode().put("type", "object");
		ObjectNode fields = parameters.putObject("properties");
		for (String property : properties) {
			fields.putObject(property).put("type", "string");
		}
		return options.merge(ChatOptions.withTools(List.of(new ToolDefinition("weather", "The weather in a place", parameters))));
	}

}
