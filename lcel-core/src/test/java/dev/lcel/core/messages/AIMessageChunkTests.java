package dev.lcel.core.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import dev.lcel.core.runnable.ChunkAggregator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class AIMessageChunkTests {

	@Test
	void contentConcatenates() {
		AIMessageChunk sum = new AIMessageChunk("Hel").add(new AIMessageChunk("lo")).add(new AIMessageChunk("!"));
		assertThat(sum.content()).isEqualTo("Hello!");
	}

	@Test
	void toolCallChunksMergeByIndexNotById() {
		AIMessageChunk first = chunk(new ToolCallChunk(0, "call_1", "weat", ""), new ToolCallChunk(1, "call_2", "time", "{}"));
		AIMessageChunk second = chunk(new ToolCallChunk(0, "", "her", "{\"city\":"));
		AIMessageChunk third = chunk(new ToolCallChunk(0, "call_1", null, "\"Oslo\"}"));
		AIMessageChunk sum = first.add(second).add(third);
		assertThat(sum.toolCallChunks()).containsExactly(new ToolCallChunk(0, "call_1", "weather", "{\"city\":\"Oslo\"}"),
				new ToolCallChunk(1, "call_2", "time", "{}"));
		assertThat(sum.toolCalls()).containsExactly(new ToolCall("call_1", "weather", Map.of("city", "Oslo")),
				new ToolCall("call_2", "time", Map.of()));
	}

	@Test
	void incompleteToolArgumentsGiveEmptyArgsUntilComplete() {
		AIMessageChunk partial = chunk(new ToolCallChunk(0, "c", "weather", "{\"city\":\"Os"));
		assertThat(partial.toolCalls()).containsExactly(new ToolCall("c", "weather", Map.of()));
	}

	@Test
	void usageSumsAndMetadataMerges() {
		AIMessageChunk a = new AIMessageChunk("a", null, UsageMetadata.of(5, 1), Map.of("model_name", "m"), "id1", null);
		AIMessageChunk b = new AIMessageChunk("b", null, UsageMetadata.of(0, 2),
				Map.of("finish_reason", "stop", "model_name", "m"), null, null);
		AIMessageChunk sum = a.add(b);
		assertThat(sum.usageMetadata()).isEqualTo(new UsageMetadata(5, 3, 8));
		assertThat(sum.responseMetadata()).containsEntry("model_name", "m").containsEntry("finish_reason", "stop");
		assertThat(sum.id()).isEqualTo("id1");
	}

	@Test
	void additionIsAssociative() {
		AIMessageChunk a = new AIMessageChunk("a", List.of(new ToolCallChunk(0, "c", "n", "{")), UsageMetadata.of(1, 1),
				Map.of("x", Map.of("y", 1)), null, null);
		AIMessageChunk b = new AIMessageChunk("b", List.of(new ToolCallChunk(0, null, "m", "}")), null,
				Map.of("x", Map.of("z", 2)), "id", null);
		AIMessageChunk c = new AIMessageChunk("c", List.of(new ToolCallChunk(1, "d", "o", "")), UsageMetadata.of(2, 2),
				Map.of(), null, "bot");
		assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
	}

	@Test
	void chunkAggregatorJoinsAStreamOfChunks() {
		AIMessage whole = ChunkAggregator.aggregate(Flux.just(new AIMessageChunk("a"), new AIMessageChunk("b"))).block();
		assertThat(whole).isEqualTo(new AIMessageChunk("ab"));
		assertThat(((AIMessageChunk) whole).toMessage()).isEqualTo(new AIMessage("ab"));
	}

	@Test
	void addingAllAtOnceGivesWhatAddingOneByOneGivesWithTextOnlyChunksBetween() {
		List<AIMessageChunk> rest = List.of(new AIMessageChunk("b"), new AIMessageChunk("c", null, null, null, "id", null),
				new AIMessageChunk("d", List.of(new ToolCallChunk(0, null, "m", "}")), UsageMetadata.of(0, 3),
						Map.of("finish_reason", "stop"), null, "bot"),
				new AIMessageChunk("e"), new AIMessageChunk("f", null, UsageMetadata.of(0, 1), Map.of("x", 1), "other", null));
		AIMessageChunk first = new AIMessageChunk("a", List.of(new ToolCallChunk(0, "c", "n", "{")), UsageMetadata.of(2, 1),
				null, null, null);
		AIMessageChunk oneByOne = first;
		for (AIMessageChunk next : rest) {
			oneByOne = oneByOne.add(next);
		}
		assertThat(first.addAll(rest)).isEqualTo(oneByOne);
		assertThat(first.addAll(new LinkedList<>(rest))).isEqualTo(oneByOne);
		assertThat(oneByOne.content()).isEqualTo("abcdef");
		assertThat(oneByOne.id()).isEqualTo("id");
	}

	@Test
	void chunksGivenTheirOwnEmptyListsAndMapsJoinAsTextOnlyOnesDo() {
		List<AIMessageChunk> rest = List.of(new AIMessageChunk("b", new ArrayList<>(), null, new LinkedHashMap<>(), null, null),
				new AIMessageChunk("c", null, null, Map.of("x", 1), null, null),
				new AIMessageChunk("d", new ArrayList<>(List.of(new ToolCallChunk(0, "c", "n", "{}"))), null,
						new LinkedHashMap<>(), null, null),
				new AIMessageChunk("e", List.of(), UsageMetadata.of(1, 2), Map.of(), null, null));
		AIMessageChunk first = new AIMessageChunk("a");
		AIMessageChunk oneByOne = first;
		for (AIMessageChunk next : rest) {
			oneByOne = oneByOne.add(next);
		}

		AIMessageChunk joined = first.addAll(rest);

		assertThat(joined).isEqualTo(oneByOne);
		assertThat(joined.content()).isEqualTo("abcde");
		assertThat(joined.responseMetadata()).containsExactly(Map.entry("x", 1));
		assertThat(joined.toolCallChunks()).hasSize(1);
		assertThat(joined.usageMetadata()).isEqualTo(UsageMetadata.of(1, 2));
	}

	private static AIMessageChunk chunk(ToolCallChunk... chunks) {
		return new AIMessageChunk("", List.of(chunks), null, null, null, null);
	}

}
