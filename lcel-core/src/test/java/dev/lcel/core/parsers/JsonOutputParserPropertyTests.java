package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON documents, cut into random chunks: every value the parser emits is a prefix of the
 * final value, and the last one is what Jackson reads from the whole text.
 */
class JsonOutputParserPropertyTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Property(tries = 500)
	void emittedValuesArePrefixesOfTheFinalValueAndTheLastIsTheDocument(@ForAll("documents") Object document,
			@ForAll boolean pretty, @ForAll boolean fenced,
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 12) Integer> chunkSizes) {
		String text = pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document)
				: JSON.writeValueAsString(document);
		if (fenced) {
			text = "```json\n" + text + "\n```";
		}
		List<Object> emitted = new JsonOutputParser().transform(Flux.fromIterable(cut(text, chunkSizes)), RunnableConfig.EMPTY)
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
	}

	@Property(tries = 300)
	@SuppressWarnings("unchecked")
	void diffModePatchesRebuildEveryEmittedValue(@ForAll("documents") Object document,
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 12) Integer> chunkSizes) {
		String text = JSON.writeValueAsString(document);
		List<String> chunks = cut(text, chunkSizes);
		List<Object> values = new JsonOutputParser().transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY)
			.collectList()
			.block();
		List<Object> patches = JsonOutputParser.diff().transform(Flux.fromIterable(chunks), RunnableConfig.EMPTY)
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
		if (parent instanceof tools.jackson.databind.node.ArrayNode array) {
			int index = Integer.parseInt(last);
			switch (op.op()) {
				case "add" -> array.insert(index, value);
				case "replace" -> array.set(index, value);
				default -> array.remove(index);
			}
		}
		else {
			tools.jackson.databind.node.ObjectNode object = (tools.jackson.databind.node.ObjectNode) parent;
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

	@Provide
	Arbitrary<Object> documents() {
		return Arbitraries.oneOf(list(3), map(3));
	}

	private Arbitrary<Object> value(int depth) {
		Arbitrary<Object> scalar = Arbitraries.oneOf(
				Arbitraries.strings().withChars("ab z\"\\\n\t/é😀{}[],:`").ofMaxLength(10).map(Object.class::cast),
				Arbitraries.integers().map(Object.class::cast), Arbitraries.longs().map(Object.class::cast),
				Arbitraries.doubles().between(-1e9, 1e9).map(Object.class::cast),
				Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.just(null));
		if (depth == 0) {
			return scalar;
		}
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, list(depth - 1)),
				net.jqwik.api.Tuple.of(1, map(depth - 1)));
	}

	private Arbitrary<Object> list(int depth) {
		return Arbitraries.lazy(() -> value(depth)).list().ofMaxSize(5).map(Object.class::cast);
	}

	private Arbitrary<Object> map(int depth) {
		return Arbitraries.maps(Arbitraries.strings().withChars("kx~/\"").ofMaxLength(4), Arbitraries.lazy(() -> value(depth)))
			.ofMaxSize(5)
			.map(Object.class::cast);
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
			if (partial.size() > whole.size()) {
				return false;
			}
			for (int i = 0; i < partial.size(); i++) {
				boolean last = (i == partial.size() - 1);
				if (last ? !isPrefix(partial.get(i), whole.get(i)) : !partial.get(i).equals(whole.get(i))) {
					return false;
				}
			}
			return true;
		}
		if (partial.isObject() && whole.isObject()) {
			List<Map.Entry<String, JsonNode>> parts = new ArrayList<>(partial.properties());
			List<Map.Entry<String, JsonNode>> wholes = new ArrayList<>(whole.properties());
			if (parts.size() > wholes.size()) {
				return false;
			}
			for (int i = 0; i < parts.size(); i++) {
				boolean last = (i == parts.size() - 1);
				if (!parts.get(i).getKey().equals(wholes.get(i).getKey())) {
					return false;
				}
				JsonNode a = parts.get(i).getValue();
				JsonNode b = wholes.get(i).getValue();
				if (last ? !isPrefix(a, b) : !a.equals(b)) {
					return false;
				}
			}
			return true;
		}
		return partial.equals(whole);
	}

}
