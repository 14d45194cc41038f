package dev.lcel.core.runnable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkAggregatorTests {

	@Test
	void stringsConcatenate() {
		assertThat(ChunkAggregator.aggregate(Flux.just("Hel", "lo", ", ", "world")).block()).isEqualTo("Hello, world");
	}

	@Test
	void mapsMergeKeyWiseAndRecursively() {
		Map<String, Object> first = Map.of("answer", "4", "meta", Map.of("tokens", List.of(1)));
		Map<String, Object> second = Map.of("answer", "2", "meta", Map.of("tokens", List.of(2), "model", "m"));
		Object joined = ChunkAggregator.join(first, second);
		assertThat(joined).isEqualTo(Map.of("answer", "42", "meta", Map.of("tokens", List.of(1, 2), "model", "m")));
	}

	@Test
	void addableChunksUseTheirAdd() {
		assertThat(ChunkAggregator.aggregate(Flux.just(new Count(1), new Count(2), new Count(3))).block())
			.isEqualTo(new Count(6));
	}

	@Test
	void unjoinableValuesAreReplacedByTheLaterOne() {
		assertThat(ChunkAggregator.join("a", 2)).isEqualTo(2);
		assertThat(ChunkAggregator.join(true, false)).isEqualTo(false);
		assertThat(ChunkAggregator.join(List.of(1), "b")).isEqualTo("b");
	}

	@Test
	void numbersAddAsLangChainsPlusAddsThem() {
		assertThat(ChunkAggregator.join(1, 2)).isEqualTo(3);
		assertThat(ChunkAggregator.join(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MAX_VALUE + 1L);
		assertThat(ChunkAggregator.join(1, 0.5)).isEqualTo(1.5);
		assertThat(ChunkAggregator.join(Map.of("n", 1, "s", "a"), Map.of("n", 2, "s", "b")))
			.isEqualTo(Map.of("n", 3, "s", "ab"));
		assertThat(ChunkAggregator.join(new java.math.BigDecimal("0.1"), 2)).isEqualTo(new java.math.BigDecimal("2.1"));
	}

	@Test
	void aNullValueInAMapNeverReplacesOne() {
		Map<String, Object> withNull = new java.util.HashMap<>();
		withNull.put("a", null);
		assertThat(ChunkAggregator.join(Map.of("a", "x"), withNull)).isEqualTo(Map.of("a", "x"));
	}

	@Test
	void aggregationIsAssociative() {
		List<Object> chunks = List.of(Map.of("a", "x"), Map.of("a", "y", "b", List.of(1)), Map.of("b", List.of(2)));
		Object left = ChunkAggregator.join(ChunkAggregator.join(chunks.get(0), chunks.get(1)), chunks.get(2));
		Object right = ChunkAggregator.join(chunks.get(0), ChunkAggregator.join(chunks.get(1), chunks.get(2)));
		assertThat(left).isEqualTo(right).isEqualTo(Map.of("a", "xy", "b", List.of(1, 2)));
	}

	@Test
	void singleChunkIsReturnedItself() {
		Object chunk = new Object();
		assertThat(ChunkAggregator.aggregate(Flux.just(chunk)).block()).isSameAs(chunk);
	}

	@Test
	void emptyStreamAggregatesToNothing() {
		assertThat(ChunkAggregator.aggregate(Flux.empty()).blockOptional()).isEmpty();
	}

	@Test
	void manySmallStringsJoinWithoutQuadraticCopying() {
		ChunkAggregator aggregator = new ChunkAggregator();
		for (int i = 0; i < 100_000; i++) {
			aggregator.add("x");
		}
		assertThat((String) aggregator.current()).hasSize(100_000);
	}

	record Count(int value) implements Addable<Count> {

		@Override
		public Count add(Count next) {
			return new Count(this.value + next.value);
		}

	}

}
