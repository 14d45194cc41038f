package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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

	@Test
	@SuppressWarnings("unchecked")
	void manySmallMapsAndListsJoinWithoutQuadraticCopying() {
		ChunkAggregator maps = new ChunkAggregator();
		ChunkAggregator lists = new ChunkAggregator();
		for (int i = 0; i < 100_000; i++) {
			maps.add(Map.of("text", "x", "parts", List.of(i)));
			lists.add(List.of(i));
		}
		Map<?, ?> map = (Map<?, ?>) maps.current();
		assertThat((String) map.get("text")).hasSize(100_000);
		assertThat((List<Object>) map.get("parts")).hasSize(100_000).startsWith(0, 1, 2).endsWith(99_999);
		assertThat((List<Object>) lists.current()).hasSize(100_000).startsWith(0, 1).endsWith(99_999);
	}

	@Test
	void aMapOrListAskedForMidStreamIsNotChangedByLaterChunks() {
		ChunkAggregator aggregator = new ChunkAggregator();
		aggregator.add(List.of(1));
		aggregator.add(List.of(2));
		Object early = aggregator.current();
		aggregator.add(List.of(3));
		assertThat(early).isEqualTo(List.of(1, 2));
		assertThat(aggregator.current()).isEqualTo(List.of(1, 2, 3));
	}

	/**
	 * Adding chunks one by one gives what joining them in turn gives, whatever the mix of types and
	 * wherever {@link ChunkAggregator#current()} is asked for in between. Seeded; the seed is
	 * printed, and {@code -Dlcel.test.seed=N} replays it.
	 */
	@Test
	void aggregatingEqualsJoiningInTurnForRandomStreams() {
		long seed = Long.getLong("lcel.test.seed", System.nanoTime());
		System.out.println("ChunkAggregatorTests seed: " + seed + " (replay with -Dlcel.test.seed=" + seed + ")");
		Random random = new Random(seed);
		for (int stream = 0; stream < 2_000; stream++) {
			ChunkAggregator aggregator = new ChunkAggregator();
			Object joined = null;
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				Object chunk = randomChunk(random, 2);
				aggregator.add(chunk);
				joined = ChunkAggregator.join(joined, chunk);
				if (random.nextInt(4) == 0) {
					assertThat(aggregator.current()).as("seed %d, stream %d, chunk %d", seed, stream, i).isEqualTo(joined);
				}
			}
			assertThat(aggregator.current()).as("seed %d, stream %d", seed, stream).isEqualTo(joined);
			assertThat(aggregator.isEmpty()).isEqualTo(joined == null);
		}
	}

	private static Object randomChunk(Random random, int depth) {
		int kind = random.nextInt((depth > 0) ? 9 : 7);
		return switch (kind) {
			case 0, 1 -> String.valueOf((char) ('a' + random.nextInt(3)));
			case 2 -> random.nextInt(5);
			case 3 -> random.nextDouble();
			case 4 -> new Count(random.nextInt(5));
			case 5 -> random.nextBoolean();
			case 6 -> (random.nextInt(4) == 0) ? new StringBuilder("s") : List.of(random.nextInt(5));
			default -> {
				Map<String, Object> map = new LinkedHashMap<>();
				int size = random.nextInt(3);
				for (int i = 0; i < size; i++) {
					map.put(String.valueOf((char) ('k' + random.nextInt(3))),
							(random.nextInt(5) == 0) ? null : randomChunk(random, depth - 1));
				}
				yield (random.nextBoolean()) ? map : new ArrayList<>(List.of(map));
			}
		};
	}

	record Count(int value) implements Addable<Count> {

		@Override
		public Count add(Count next) {
			return new Count(this.value + next.value);
		}

	}

}
