package dev.lcel.core.tracing.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollectedChunksTests {

	@Test
	void chunksAreJoinedAtTheEnd() {
		CollectedChunks chunks = new CollectedChunks();
		assertThat(chunks.aggregate()).isNull();
		for (int i = 0; i < 100; i++) {
			chunks.add("x");
		}
		assertThat(chunks.aggregate()).isEqualTo("x".repeat(100));
		assertThat(chunks.chunkAt(99)).isEqualTo("x");
		assertThat(chunks.chunkAt(100)).isNull();
	}

	@Test
	void aRunWhoseStreamIsTheEarlierRunsSharesItsChunksAndTheirJoin() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = after(earlier);
		for (String chunk : List.of("a", "b", "c")) {
			earlier.add(chunk);
			later.add(chunk);
		}
		Object output = earlier.aggregate();
		assertThat(output).isEqualTo("abc");
		assertThat(later.aggregate()).isSameAs(output);
	}

	@Test
	void aLaterRunThatReceivesFewerChunksJoinsOnlyThose() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = after(earlier);
		earlier.add("a");
		later.add("a");
		earlier.add("b");
		assertThat(later.aggregate()).isEqualTo("a");
		assertThat(earlier.aggregate()).isEqualTo("ab");
	}

	@Test
	void aChunkThatIsNotTheEarlierRunsMakesTheLaterRunKeepItsOwn() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = after(earlier);
		earlier.add("a");
		later.add("a");
		earlier.add("b");
		later.add("B");
		earlier.add("c");
		later.add("c");
		assertThat(earlier.aggregate()).isEqualTo("abc");
		assertThat(later.aggregate()).isEqualTo("aBc");
	}

	@Test
	void anEqualChunkThatIsAnotherObjectIsNotShared() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = after(earlier);
		Map<String, Object> first = Map.of("k", List.of(1));
		earlier.add(first);
		later.add(Map.of("k", List.of(1)));
		earlier.add(Map.of("k", List.of(2)));
		later.add(Map.of("k", List.of(3)));
		assertThat(earlier.aggregate()).isEqualTo(Map.of("k", List.of(1, 2)));
		assertThat(later.aggregate()).isEqualTo(Map.of("k", List.of(1, 3)));
	}

	@Test
	void aMapJoinIsBuiltForEachRunThatSharesIt() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = after(earlier);
		for (Map<String, Object> chunk : List.<Map<String, Object>>of(Map.of("k", "a"), Map.of("k", "b"))) {
			earlier.add(chunk);
			later.add(chunk);
		}
		Object output = earlier.aggregate();
		assertThat(later.aggregate()).isEqualTo(output).isNotSameAs(output);
	}

	@Test
	void anOfferAfterTheFirstChunkIsIgnored() {
		CollectedChunks earlier = new CollectedChunks();
		CollectedChunks later = new CollectedChunks();
		later.add("a");
		earlier.add("b");
		later.offer(earlier);
		later.add("b");
		assertThat(later.aggregate()).isEqualTo("ab");
	}

	@Test
	void sharingPassesThroughARunThatSharesInTurn() {
		CollectedChunks model = new CollectedChunks();
		CollectedChunks parser = new CollectedChunks();
		CollectedChunks chain = new CollectedChunks();
		parser.offer(model);
		chain.offer(parser);
		for (int i = 0; i < 40; i++) {
			String chunk = String.valueOf(i % 10);
			model.add(chunk);
			parser.add(chunk);
			chain.add(chunk);
		}
		chain.add("!");
		assertThat(model.aggregate()).isEqualTo("0123456789".repeat(4));
		assertThat(parser.aggregate()).isSameAs(model.aggregate());
		assertThat(chain.aggregate()).isEqualTo("0123456789".repeat(4) + "!");
	}

	/** Return the chunks of a run whose stream is {@code earlier}'s run's. */
	private static CollectedChunks after(CollectedChunks earlier) {
		CollectedChunks later = new CollectedChunks();
		later.offer(earlier);
		return later;
	}

}
