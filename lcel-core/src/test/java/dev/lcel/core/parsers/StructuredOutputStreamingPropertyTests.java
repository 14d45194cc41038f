package dev.lcel.core.parsers;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property of typed streaming: for random records written as JSON and cut at random points,
 * every value {@link StructuredOutputParser} emits is consistent with the final one (each field
 * null, zero, a prefix of the final string, or a prefix of the final list whose elements are
 * consistent), and the last emission equals what {@code invoke} returns. Seeded: the seed is
 * printed, and {@code -Dlcel.test.seed=N} replays it.
 */
class StructuredOutputStreamingPropertyTests {

	enum Kind {

		ALPHA, BETA, GAMMA

	}

	record Inner(String label, int count, boolean flag, Kind kind) {
	}

	record Doc(String title, long id, List<String> tags, List<Inner> items, Map<String, Integer> scores, Inner main,
			double ratio, List<List<Integer>> grid) {
	}

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String ALPHABET = "abcXYZ 0189\"\\/\n\té€😀{}[],:";

	@Test
	void everyEmissionIsConsistentWithTheFinalValueAndTheLastEqualsInvoke() {
		long seed = Long.getLong("lcel.test.seed", System.nanoTime());
		System.out.println("StructuredOutputStreamingPropertyTests seed: " + seed);
		Random random = new Random(seed);
		StructuredOutputParser<Doc> parser = StructuredOutputParser.of(Doc.class);
		for (int run = 0; run < 300; run++) {
			Doc doc = doc(random);
			String text = JSON.writeValueAsString(doc);
			List<Object> chunks = cut(text, random);
			List<Doc> emitted = parser.transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY).collectList().block();
			String context = "seed " + seed + ", run " + run + ", chunks " + chunks;
			Doc invoked = parser.invoke(text);
			assertThat(invoked).as(context).isEqualTo(doc);
			assertThat(emitted).as(context).isNotEmpty();
			assertThat(emitted.get(emitted.size() - 1)).as(context).isEqualTo(invoked);
			for (Doc partial : emitted) {
				assertThat(consistent(partial, doc)).as(context + "; partial " + partial).isTrue();
			}
		}
	}

	private static List<Object> cut(String text, Random random) {
		List<Object> chunks = new ArrayList<>();
		int at = 0;
		while (at < text.length()) {
			int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
			int end = Math.min(text.length(), at + size);
			chunks.add(text.substring(at, end));
			at = end;
		}
		return chunks;
	}

	private static Doc doc(Random random) {
		List<Inner> items = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			items.add(inner(random));
		}
		Map<String, Integer> scores = new LinkedHashMap<>();
		for (int i = random.nextInt(4); i > 0; i--) {
			scores.put(text(random), random.nextInt(2000) - 1000);
		}
		List<List<Integer>> grid = new ArrayList<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			List<Integer> row = new ArrayList<>();
			for (int j = random.nextInt(4); j > 0; j--) {
				row.add(random.nextInt(100));
			}
			grid.add(row);
		}
		return new Doc(text(random), random.nextLong(), strings(random), items, scores, inner(random),
				Math.round(random.nextDouble() * 1000) / 8.0, grid);
	}

	private static Inner inner(Random random) {
		return new Inner(text(random), random.nextInt(), random.nextBoolean(), Kind.values()[random.nextInt(3)]);
	}

	private static List<String> strings(Random random) {
		List<String> strings = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			strings.add(text(random));
		}
		return strings;
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
					random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
		}
		return text.toString();
	}

	/** Whether a partial value is on the way to the final one. */
	static boolean consistent(Object partial, Object fin) {
		if (partial == null) {
			return true;
		}
		if (partial instanceof String text) {
			return fin instanceof String whole && whole.startsWith(text);
		}
		if (partial instanceof Number || partial instanceof Boolean) {
			return partial.equals(fin) || partial.equals(0) || partial.equals(0L) || partial.equals(0.0)
					|| partial.equals(false);
		}
		if (partial instanceof List<?> list) {
			return fin instanceof List<?> whole
					&& StreamedPrefix.holds(list, whole, StructuredOutputStreamingPropertyTests::consistent);
		}
		if (partial instanceof Map<?, ?> map) {
			return fin instanceof Map<?, ?> whole && map.entrySet()
				.stream()
				.allMatch((entry) -> whole.containsKey(entry.getKey())
						&& consistent(entry.getValue(), whole.get(entry.getKey())));
		}
		if (partial.getClass().isRecord()) {
			if (fin == null || fin.getClass() != partial.getClass()) {
				return false;
			}
			for (RecordComponent component : partial.getClass().getRecordComponents()) {
				try {
					if (!consistent(component.getAccessor().invoke(partial), component.getAccessor().invoke(fin))) {
						return false;
					}
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return true;
		}
		return partial.equals(fin);
	}

}
