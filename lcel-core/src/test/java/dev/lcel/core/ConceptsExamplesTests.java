package dev.lcel.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.BatchOptions;
import dev.lcel.core.runnable.FailedStep;
import dev.lcel.core.runnable.Indexed;
import dev.lcel.core.runnable.RetryPolicy;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableAssign;
import dev.lcel.core.runnable.RunnableBranch;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import dev.lcel.core.runnable.RunnablePassthrough;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of {@code docs/concepts.md}, kept compiling and true. Each test holds one
 * snippet of the page, between the {@code // doc:} markers, followed by the assertion of what the
 * page says it does.
 */
class ConceptsExamplesTests {

	@Test
	void invokeAPipedChain() {
		// doc: pipe
		Runnable<String, String> shout = RunnableLambda.of((String s) -> s.trim())
			.pipe((String s) -> s.toUpperCase())
			.pipe(RunnableLambda.of("exclaim", (String s) -> s + "!"));

		String loud = shout.invoke("  hello  "); // "HELLO!"
		// end
		assertThat(loud).isEqualTo("HELLO!");
	}

	@Test
	void everyWayToRunAChain() {
		Runnable<String, String> shout = RunnableLambda.of((String s) -> s.toUpperCase());
		// doc: interface
		String one = shout.invoke("a");                          // "A"
		List<String> many = shout.batch(List.of("a", "b"));      // ["A", "B"]
		Mono<String> later = shout.ainvoke("a");                 // runs when subscribed
		Mono<List<String>> laterMany = shout.abatch(List.of("a", "b"));
		Flux<String> chunks = shout.astream("a");                // chunks as they are produced
		try (var blocking = shout.stream("a")) {                 // java.util.stream.Stream
			blocking.forEach(System.out::print);
		}
		// end
		assertThat(one).isEqualTo("A");
		assertThat(many).containsExactly("A", "B");
		assertThat(later.block()).isEqualTo("A");
		assertThat(laterMany.block()).containsExactly("A", "B");
		assertThat(chunks.collectList().block()).containsExactly("A");
	}

	@Test
	void streamingFlowsThroughAGenerator() {
		// doc: streaming
		Runnable<String, String> words = RunnableGenerator.of((Flux<String> text) -> text
			.flatMapIterable((t) -> List.of(t.split("(?<= )"))));
		Runnable<String, String> upper = RunnableGenerator.of((Flux<String> in) -> in.map(String::toUpperCase));
		Runnable<String, Integer> length = RunnableLambda.of(String::length);

		List<String> streamed = words.pipe(upper).astream("one two three").collectList().block();
		// ["ONE ", "TWO ", "THREE"]: each chunk flows through as soon as it is produced
		Integer total = words.pipe(length).invoke("one two three");
		// 13: a lambda cannot stream, so it receives the chunks joined
		// end
		assertThat(streamed).containsExactly("ONE ", "TWO ", "THREE");
		assertThat(total).isEqualTo(13);
	}

	@Test
	void parallelRunsBranchesAtOnce() {
		// doc: parallel
		RunnableParallel<String> both = RunnableParallel.<String>builder()
			.branch("upper", RunnableLambda.of((String s) -> s.toUpperCase()))
			.branch("length", RunnableLambda.of((String s) -> s.length()))
			.build();

		Map<String, Object> out = both.invoke("bears"); // {upper=BEARS, length=5}

		// A Map piped after a runnable is a parallel too:
		Runnable<String, Map<String, Object>> chain = RunnableLambda.of((String s) -> s.trim())
			.pipe(Map.of("upper", RunnableLambda.of((String s) -> s.toUpperCase())));
		// end
		assertThat(out).containsExactly(Map.entry("upper", "BEARS"), Map.entry("length", 5));
		assertThat(chain.invoke(" cats ")).isEqualTo(Map.of("upper", "CATS"));
	}

	@Test
	void passthroughAssignAndPick() {
		// doc: assign
		RunnableAssign withLength = RunnableAssign.of(Map.of("length",
				RunnableLambda.of((Map<String, Object> in) -> in.get("text").toString().length())));

		withLength.invoke(Map.of("text", "four")); // {text=four, length=4}

		Runnable<Object, Object> justLength = withLength.pick("length"); // 4

		RunnableParallel<String> keepInput = RunnableParallel.<String>builder()
			.branch("original", RunnablePassthrough.create())
			.branch("upper", RunnableLambda.of((String s) -> s.toUpperCase()))
			.build(); // {original=hi, upper=HI}
		// end
		assertThat(withLength.invoke(Map.of("text", "four"))).isEqualTo(Map.of("text", "four", "length", 4));
		assertThat(justLength.invoke(Map.of("text", "four"))).isEqualTo(4);
		assertThat(keepInput.invoke("hi")).isEqualTo(Map.of("original", "hi", "upper", "HI"));
	}

	@Test
	void branchAndRoute() {
		// doc: branch
		RunnableBranch<Integer, String> size = RunnableBranch.<Integer, String>builder()
			.when((Integer n) -> n < 10, RunnableLambda.of((Integer n) -> "small"))
			.when((Integer n) -> n < 1000, RunnableLambda.of((Integer n) -> "medium"))
			.otherwise(RunnableLambda.of((Integer n) -> "large"));

		Runnable<Integer, String> routed = RunnableLambda.route((Integer n) -> (n % 2 == 0)
				? RunnableLambda.of((Integer x) -> "even") : RunnableLambda.of((Integer x) -> "odd"));
		// end
		assertThat(size.batch(List.of(3, 300, 30000))).containsExactly("small", "medium", "large");
		assertThat(routed.invoke(4)).isEqualTo("even");
	}

	@Test
	void retryAndFallbacks() {
		int[] calls = { 0 };
		Runnable<String, String> flaky = RunnableLambda.of((String s) -> {
			if (++calls[0] < 3) {
				throw new IllegalStateException("try again");
			}
			return s;
		});
		Runnable<String, String> primary = RunnableLambda.of((String s) -> {
			throw new IllegalStateException("down");
		});
		Runnable<String, String> backup = RunnableLambda.of((String s) -> "backup");
		// doc: resilience
		Runnable<String, String> patient = flaky.withRetry(RetryPolicy.DEFAULTS
			.withMaxAttempts(5)
			.withBackoff(Duration.ofMillis(10), Duration.ofSeconds(1))
			.withRetryOn(IllegalStateException.class));

		Runnable<String, String> safe = primary.withFallbacks(backup);
		// end
		assertThat(patient.invoke("ok")).isEqualTo("ok");
		assertThat(safe.invoke("x")).isEqualTo("backup");
	}

	@Test
	void configTravelsToEveryStep() {
		// doc: config
		Runnable<String, String> tagged = RunnableLambda.configAware(
				(String s, RunnableConfig config) -> s + " " + config.tags());

		RunnableConfig config = RunnableConfig.builder()
			.tags("experiment-7")
			.metadata("user", "ada")
			.maxConcurrency(4)
			.build();

		String out = RunnableLambda.of((String s) -> s).pipe(tagged).invoke("run", config); // "run [experiment-7]"
		// end
		assertThat(out).isEqualTo("run [experiment-7]");
	}

	@Test
	void batchOptions() {
		Runnable<Integer, Integer> halve = RunnableLambda.of((Integer n) -> {
			if (n % 2 != 0) {
				throw new IllegalArgumentException(n + " is odd");
			}
			return n / 2;
		});
		// doc: batch
		List<Integer> halves = halve.batch(List.of(2, 4, 6), RunnableConfig.EMPTY, BatchOptions.maxConcurrency(2));

		List<Indexed<Integer>> outcomes = halve
			.batchAsCompleted(List.of(2, 3, 4), RunnableConfig.EMPTY, BatchOptions.DEFAULTS.withReturnExceptions())
			.collectSortedList(Indexed.byIndex())
			.block();
		// outcomes.get(1).error() is the IllegalArgumentException "3 is odd"
		// end
		assertThat(halves).containsExactly(1, 2, 3);
		assertThat(outcomes.get(1).error()).hasMessage("3 is odd");
		assertThat(outcomes.get(2).output()).isEqualTo(2);
	}

	@Test
	void errorsArriveUnwrapped() {
		// doc: errors
		Runnable<String, Integer> parse = RunnableLambda.of("trim", (String s) -> s.trim())
			.pipe(RunnableLambda.of("parse", Integer::parseInt));
		try {
			parse.invoke("forty-two");
		}
		catch (NumberFormatException ex) { // the exception Integer.parseInt threw
			String step = FailedStep.of(ex).map(FailedStep::stepName).orElse("?"); // "parse"
		}
		// end
		assertThatThrownBy(() -> parse.invoke("forty-two")).isInstanceOf(NumberFormatException.class)
			.satisfies((ex) -> assertThat(FailedStep.of(ex).get().stepName()).isEqualTo("parse"));
	}

	@Test
	void schemasAndGraphs() {
		// doc: schema
		record Topic(String topic) {
		}
		Runnable<Topic, String> joke = RunnableLambda.typed(Topic.class, String.class, (t) -> "a joke about " + t.topic());

		joke.inputSchema();  // {"type":"object","properties":{"topic":{"type":"string"}}}
		joke.outputSchema(); // {"type":"string"}
		System.out.println(joke.pipe(String::length).getGraph().drawAscii());
		// end
		assertThat(joke.inputSchema().path("properties").path("topic").path("type").asString()).isEqualTo("string");
		assertThat(joke.outputSchema().path("type").asString()).isEqualTo("string");
	}

}
