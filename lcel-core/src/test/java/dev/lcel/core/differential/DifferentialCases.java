package dev.lcel.core.differential;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.parsers.JsonOutputParser;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.RetryPolicy;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;
import dev.lcel.core.runnable.RunnableBranch;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnablePassthrough;
import dev.lcel.core.runnable.RunnablePick;
import reactor.core.publisher.Flux;

/**
 * The Java twin of every case in {@code reference.mjs}, by case id: the same steps, names and behaviour,
 * built with lcel-core's public API. Each supplier builds a fresh chain (fake models and counters keep state).
 */
final class DifferentialCases {

	private DifferentialCases() {
	}

	static Map<String, Supplier<Runnable<Object, Object>>> all() {
		Map<String, Supplier<Runnable<Object, Object>>> cases = new LinkedHashMap<>();
		cases.put("prompt_model_str", () -> joke("Why?"));
		cases.put("parallel", () -> erase(RunnableParallel.builder()
			.branch("upper", lambda("upper", (x) -> ((String) x).toUpperCase()))
			.branch("length", lambda("length", (x) -> ((String) x).length()))
			.build()));
		cases.put("parallel_in_sequence", () -> lambda("prep", (x) -> Map.of("topic", ((String) x).trim()))
			.pipe(erase(RunnableParallel.builder().branch("joke", joke("Ha")).branch("topic", RunnablePick.of("topic")).build()))
			.pipe(lambda("combine", (m) -> map(m).get("topic") + ": " + map(m).get("joke"))));
		cases.put("parallel_streaming", () -> lambda("wrap", (x) -> Map.of("topic", x))
			.pipe(erase(RunnableParallel.builder().branch("joke", joke("Ha")).branch("echo", RunnablePassthrough.create()).build())));
		cases.put("assign", () -> erase(assignDoubled()));
		cases.put("pick", () -> erase(assignDoubled().pipe(RunnablePick.of("doubled"))));
		cases.put("pick_in_assign_in_stream", () -> lambda("wrap", (x) -> Map.of("topic", x))
			.pipe(RunnableAssign.of(Map.of("again", RunnablePick.of("topic"))))
			.pipe(RunnablePick.of("topic", "again")));
		cases.put("lambda_blocks_stream", () -> joke("Why?").pipe(lambda("shout", (s) -> ((String) s).toUpperCase())));
		cases.put("generator", () -> lambda("prep", (x) -> ((String) x).trim()).pipe(letters("letters")));
		cases.put("generator_after_model", () -> joke("Why?").pipe(letters("upper")));
		cases.put("branch", () -> erase(RunnableBranch.<Object, Object>builder()
			.when((x) -> ((String) x).startsWith("a"), lambda("starts_with_a", (x) -> "A:" + x))
			.when((x) -> ((String) x).startsWith("b"), lambda("starts_with_b", (x) -> "B:" + x))
			.otherwise(lambda("other", (x) -> "other:" + x))));
		cases.put("fallbacks_before_first_chunk", () -> prompt()
			.pipe(lambda("broken", (x) -> {
				throw new Boom("down");
			}).withFallbacks(erase(new FakeListChatModel("Saved"))))
			.pipe(new StrOutputParser()));
		cases.put("fallbacks_after_first_chunk", DifferentialCases::halfWithSpare);
		cases.put("fallbacks_invoke_after_first_chunk", DifferentialCases::halfWithSpare);
		cases.put("retry", () -> lambda("prep", (x) -> ((String) x).trim())
			.pipe(flaky(2).withRetry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0, List.of(Exception.class)))));
		cases.put("each", () -> lambda("numbers", (n) -> IntStream.rangeClosed(1, (Integer) n).boxed().toList())
			.pipe(erase(lambda("double", (x) -> ((Integer) x) * 2).map())));
		cases.put("nested_sequences", () -> lambda("a", (x) -> x + "a").pipe(lambda("b", (x) -> x + "b"))
			.pipe(lambda("c", (x) -> x + "c").pipe(lambda("d", (x) -> x + "d"))));
		cases.put("nested_named_sequence", () -> lambda("a", (x) -> x + "a")
			.pipe(lambda("b", (x) -> x + "b").pipe(lambda("c", (x) -> x + "c")).withConfig(named("inner")))
			.pipe(lambda("d", (x) -> x + "d")));
		cases.put("bind", () -> prompt().pipe(new FakeListChatModel("Bound").bind(Map.of("temperature", 0)))
			.pipe(new StrOutputParser()));
		cases.put("with_config_tags_and_names", () -> lambda("prep", (x) -> ((String) x).trim())
			.pipe(lambda("shout", (x) -> ((String) x).toUpperCase())
				.withConfig(RunnableConfig.builder().runName("loud").tags("volume").build()))
			.withConfig(RunnableConfig.builder().tags("outer").build()));
		cases.put("json_parser_streaming", () -> prompt().pipe(new FakeListChatModel("{\"a\": [1, 2], \"b\": \"xy\"}"))
			.pipe(new JsonOutputParser()));
		cases.put("lambda_returns_runnable", () -> lambda("route",
				(m) -> "cats".equals(map(m).get("topic")) ? joke("Why?") : lambda("plain", (x) -> "no joke")));
		cases.put("dict_chunk_addition", () -> lambda("prep", (x) -> ((String) x).trim())
			.pipe(erase(RunnableGenerator.<Object, Object>of("parts", (in, config) -> in.thenMany(Flux.just(
					Map.of("text", "ab", "n", 1, "list", List.of(1), "nested", Map.of("x", "p")),
					Map.of("text", "cd", "n", 2, "list", List.of(2), "nested", Map.of("x", "q", "y", 1)),
					Map.of("extra", true))))))
			.pipe(lambda("collect", (m) -> m)));
		cases.put("error_mid_stream", () -> joke("Why?").pipe(erase(RunnableGenerator.<Object, Object>of("explode",
				(in, config) -> upperLetters(in).concatWith(Flux.error(new Boom("after the last chunk")))))));
		cases.put("recursion_limit", DifferentialCases::loop);
		cases.put("filter_by_name", () -> joke("Hi"));
		cases.put("filter_by_type", () -> joke("Hi"));
		cases.put("filter_by_tag", () -> prompt().pipe(new FakeListChatModel("Hi").withConfig(tagged("keep")))
			.pipe(new StrOutputParser()));
		cases.put("filter_by_sequence_tag", () -> joke("Hi"));
		cases.put("filter_exclusions", () -> prompt().pipe(new FakeListChatModel("Hi").withConfig(tagged("drop")))
			.pipe(new StrOutputParser()));
		return cases;
	}

	private static Runnable<Object, Object> joke(String response) {
		return prompt().pipe(new FakeListChatModel(response)).pipe(new StrOutputParser());
	}

	private static Runnable<Object, Object> prompt() {
		return erase(ChatPromptTemplate.fromTemplate("Tell me a joke about {topic}"));
	}

	private static Runnable<Object, Object> lambda(String name, Function<Object, Object> function) {
		return RunnableLambda.of(name, function);
	}

	/** LangChain Python's RunnableGenerator: upper-cases its input chunk by chunk, one letter per chunk. */
	private static Runnable<Object, Object> letters(String name) {
		return erase(RunnableGenerator.<Object, Object>of(name, (in, config) -> upperLetters(in)));
	}

	private static Flux<Object> upperLetters(Flux<Object> in) {
		return in.flatMapIterable((s) -> ((String) s).chars().mapToObj((c) -> (Object) String.valueOf((char) c).toUpperCase()).toList());
	}

	/** Yields the first letter of its first input chunk, then fails. */
	private static Runnable<Object, Object> firstLetterThenBoom(String name) {
		return erase(RunnableGenerator.<Object, Object>of(name, (in, config) -> in.take(1)
			.map((s) -> (Object) ((String) s).substring(0, 1))
			.concatWith(Flux.error(new Boom("mid-stream")))));
	}

	private static Runnable<Object, Object> halfWithSpare() {
		return lambda("prep", (x) -> ((String) x).trim())
			.pipe(firstLetterThenBoom("half").withFallbacks(lambda("spare", (s) -> "spare " + s)));
	}

	private static Runnable<Object, Map<String, Object>> assignDoubled() {
		return erase(RunnableAssign.of(Map.of("doubled", lambda("double", (m) -> ((Integer) map(m).get("n")) * 2))));
	}

	/** Fails the first {@code failures} calls for each input, then answers. */
	private static Runnable<Object, Object> flaky(int failures) {
		Map<Object, Integer> seen = new ConcurrentHashMap<>();
		return lambda("flaky", (x) -> {
			int n = seen.merge(x, 1, Integer::sum);
			if (n <= failures) {
				throw new Boom("attempt " + n + " of " + x + " fails");
			}
			return x + " after " + n;
		});
	}

	/** A lambda that returns itself: runs until the recursion limit stops it. */
	private static Runnable<Object, Object> loop() {
		Object[] self = new Object[1];
		Runnable<Object, Object> loop = lambda("loop", (x) -> self[0]);
		self[0] = loop;
		return loop;
	}

	private static RunnableConfig named(String runName) {
		return RunnableConfig.builder().runName(runName).build();
	}

	private static RunnableConfig tagged(String tag) {
		return RunnableConfig.builder().tags(tag).build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <I, O> Runnable<I, O> erase(Runnable<?, ?> runnable) {
		return (Runnable) runnable;
	}

	/** The failure the cases throw on purpose. */
	static final class Boom extends RuntimeException {

		Boom(String message) {
			super(message);
		}

	}

}
