package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.json.JsonPatchOp;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON documents, cut into random chunks: every value the parser emits is a prefix of the
 * final value, and the last one is what Jackson reads from the whole text. The cases come from a
 * seed, printed before the run and named in a failure; {@code -Dlcel.test.seed=N} replays a run.
 */
class JsonOutputParserPropertyTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String SCALAR_CHARS = "ab z\"\\\n\t/é😀{}[],:`";

	private static final String KEY_CHARS = "kx~/\"";

	/** The seed of a run without {@code -Dlcel.test.seed}: the same cases every build. */
	private static final long DEFAULT_SEED = 20261201L;

	@Test
	void emittedValuesArePrefixesOfTheFinalValueAndTheLastIsTheDocument() {
		forRandomCases(500, (random, document) -> {
			boolean pretty = random.nextBoolean();
			boolean fenced = random.nextBoolean();
			List<Integer> chunkSizes = chunkSizes(random);
			String text = pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)
					: JSON.writeValueAsString(document);
			if (fenced) {
				text = "```json\n" + text + "\n```";
			}
			List<Object> emitted = new JsonOutputParser()
				.transform(Flux.fromIterable(cut(text, chunkSizes)), RunnableConfig.EMPTY)
				.collectList()
				.block();

			JsonNode expected = JSON.readTree(fenced ? text.substring(8, text.length() - 4) : text);
			assertThat(emitted).isNotEmpty();
			JsonNode previous = null;
			for (Object value : emitted) {
				JsonNode node = JSON.valueToTree(value);
				assertThat(isPrefix(node, expected)).as("%s is a prefix of %s", node, expected).isTrue();
				if (previous != null) {
					assertThat(isPrefix(previous, node)).as("%s grows into %s", previous, node).isTrue();
					assertThat(node).isNotEqualTo(previous);
				}
				previous = node;
			}
			assertThat(previous).isEqualTo(expected);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void diffModePatchesRebuildEveryEmittedValue() {
		forRandomCases(300, (random, document) -> {
			String text = JSON.writeValueAsString(document);
			List<String> chunks = cut(text, chunkSizes(random));
			List<Object> values = new JsonOutputParser().transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY)
				.collectList()
				.block();
			List<Object> patches = JsonOutputParser.diff()
				.transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY)
				.collectList()
				.block();

			assertThat(patches).hasSameSizeAs(values);
			JsonNode rebuilt = null;
			for (int i = 0; i < patches.size(); i++) {
				for (JsonPatchOp op : (List<JsonPatchOp>) patches.get(i)) {
					rebuilt = apply(rebuilt, op);
				}
				assertThat(rebuilt).isEqualTo(JSON.valueToTree(values.get(i)));
			}
			assertThat(rebuilt).isEqualTo(JSON.readTree(text));
		});
	}

	/**
	 * Run {@code check} on {@code tries} random documents from one seed; a failure names the seed
	 * and the case so that it can be replayed.
	 */
	private static void forRandomCases(int tries, BiConsumer<Random, Object> check) {
		long seed = Long.getLong("lcel.test.seed", DEFAULT_SEED);
		System.out.println("JsonOutputParserPropertyTests seed: " + seed + " (replay with -Dlcel.test.seed=" + seed + ")");
		Random random = new Random(seed);
		for (int i = 0; i < tries; i++) {
			Object document = random.nextBoolean() ? list(random, 3) : map(random, 3);
			try {
				check.accept(random, document);
			}
			catch (AssertionError | RuntimeException ex) {
				throw new AssertionError("case " + i + " of seed " + seed + " (-Dlcel.test.seed=" + seed + "), document "
						+ JSON.writeValueAsString(document) + ": " + ex.getMessage(), ex);
			}
		}
	}

	private static List<Integer> chunkSizes(Random random) {
		List<Integer> sizes = new ArrayList<>();
		int count = 1 + random.nextInt(8);
		for (int i = 0; i < count; i++) {
			sizes.add(1 + random.nextInt(12));
		}
		return sizes;
	}

	private static Object value(Random random, int depth) {
		int kind = random.nextInt(depth == 0 ? 4 : 6);
		return switch (kind) {
			case 0, 1, 2, 3 -> scalar(random);
			case 4 -> list(random, depth - 1);
			default -> map(random, depth - 1);
		};
	}

	private static Object scalar(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> text(random, SCALAR_CHARS, 10);
			case 1 -> random.nextInt();
			case 2 -> random.nextLong();
			case 3 -> (random.nextDouble() * 2e9) - 1e9;
			case 4 -> random.nextBoolean();
			default -> null;
		};
	}

	private static Object list(Random random, int depth) {
		List<Object> list = new ArrayList<>();
		int size = random.nextInt(6);
		for (int i = 0; i < size; i++) {
			list.add(value(random, depth));
		}
		return list;
	}

	private static Object map(Random random, int depth) {
		Map<String, Object> map = new LinkedHashMap<>();
		int size = random.nextInt(6);
		for (int i = 0; i < size; i++) {
			map.put(text(random, KEY_CHARS, 4), value(random, depth));
		}
		return map;
	}

	private static String text(Random random, String chars, int maxLength) {
		int[] codePoints = chars.codePoints().toArray();
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength + 1);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
		}
		return text.toString();
	}

	private static JsonNode apply(JsonNode document, JsonPatchOp op) {
		JsonNode value = JSON.valueToTree(op.value());
		if (op.path().isEmpty()) {
			return value;
		}
		String[] tokens = op.path().substring(1).split("/", -1);
		JsonNode parent = document;
		for (int i = 0; i < tokens.length - 1; i++) {
			String token = unescape(tokens[i]);
			parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
		}
		String last = unescape(tokens[tokens.length - 1]);
		if (parent instanceof ArrayNode array) {
			int index = Integer.parseInt(last);
			switch (op.op()) {
				case "add" -> array.insert(index, value);
				case "replace" -> array.set(index, value);
				default -> array.remove(index);
			}
		}
		else {
			ObjectNode object = (ObjectNode) parent;
			if ("remove".equals(op.op())) {
				object.remove(last);
			}
			else {
				object.set(last, value);
			}
		}
		return document;
	}

	private static String unescape(String token) {
		return token.replace("~1", "/").replace("~0", "~");
	}

	private static List<String> cut(String text, List<Integer> sizes) {
		List<String> chunks = new ArrayList<>();
		Iterator<Integer> size = sizes.iterator();
		int at = 0;
		while (at < text.length()) {
			if (!size.hasNext()) {
				size = sizes.iterator();
			}
			int end = Math.min(text.length(), at + size.next());
			chunks.add(text.substring(at, end));
			at = end;
		}
		return chunks;
	}

	/**
	 * Whether {@code partial} is what a streaming parser may show of {@code whole}: containers with
	 * a prefix of the elements (all equal except the last, itself a prefix), strings cut short, and
	 * other values equal.
	 */
	static boolean isPrefix(JsonNode partial, JsonNode whole) {
		if (partial.isString() && whole.isString()) {
			return whole.asString().startsWith(partial.asString());
		}
		if (partial.isArray() && whole.isArray()) {
			return StreamedPrefix.holds(List.copyOf(partial.values()), List.copyOf(whole.values()),
					JsonOutputParserPropertyTests::isPrefix);
		}
		if (partial.isObject() && whole.isObject()) {
			return StreamedPrefix.holds(List.copyOf(partial.properties()), List.copyOf(whole.properties()),
					(a, b) -> a.getKey().equals(b.getKey()) && isPrefix(a.getValue(), b.getValue()));
		}
		return partial.equals(whole);
	}

}
