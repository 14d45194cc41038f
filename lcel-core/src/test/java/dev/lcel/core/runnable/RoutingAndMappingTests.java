package dev.lcel.core.runnable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingAndMappingTests {

	private final RunnableBranch<Integer, String> sign = RunnableBranch.<Integer, String>builder()
		.when((Integer i) -> i < 0, RunnableLambda.of((Integer i) -> "negative"))
		.when((Integer i) -> i == 0, RunnableLambda.of((Integer i) -> "zero"))
		.otherwise(RunnableLambda.of((Integer i) -> "positive"));

	@Test
	void branchRunsFirstMatchingCaseOrDefault() {
		assertThat(this.sign.batch(List.of(-3, 0, 7))).containsExactly("negative", "zero", "positive");
		StepVerifier.create(this.sign.ainvoke(-1)).expectNext("negative").verifyComplete();
	}

	@Test
	void branchStreamsTheChosenRunnable() {
		RunnableBranch<String, String> branch = RunnableBranch.<String, String>builder()
			.when((String s) -> s.startsWith("stream"), RunnableGenerator.of((Flux<String> in) -> Flux.just("a", "b")))
			.otherwise(RunnableLambda.of((String s) -> "whole"));
		StepVerifier.create(branch.astream("stream it")).expectNext("a", "b").verifyComplete();
	}

	@Test
	void passthroughReturnsItsInputAndStreamsIt() {
		AtomicReference<String> seen = new AtomicReference<>();
		RunnablePassthrough<String> passthrough = RunnablePassthrough.create(seen::set);
		assertThat(passthrough.invoke("same")).isEqualTo("same");
		StepVerifier.create(passthrough.transform(Flux.just("a", "b"), RunnableConfig.EMPTY))
			.expectNext("a", "b")
			.verifyComplete();
		assertThat(seen).hasValue("ab");
	}

	@Test
	void assignAddsComputedKeysToTheInput() {
		RunnableAssign assign = RunnableAssign.of(Map.of("length", RunnableLambda.of((Map<String, Object> in) -> ((String) in.get("text")).length())));
		assertThat(assign.invoke(Map.of("text", "four"))).isEqualTo(Map.of("text", "four", "length", 4));
	}

	@Test
	void assignStreamsInputKeysThenComputedKeys() {
		Map<String, Object> input = new LinkedHashMap<>(Map.of("q", "hi"));
		RunnableAssign assign = RunnableAssign.of(Map.of("answer", RunnableGenerator.of((Flux<Map<String, Object>> in) -> Flux.just("a", "b"))));
		List<Map<String, Object>> chunks = assign.astream(input).collectList().block();
		assertThat(chunks).contains(Map.of("q", "hi"), Map.of("answer", "a"), Map.of("answer", "b"));
		assertThat(ChunkAggregator.aggregate(Flux.fromIterable(chunks)).block()).isEqualTo(Map.of("q", "hi", "answer", "ab"));
	}

	@Test
	void assignNeedsAMapInput() {
		Runnable<Object, Object> chain = RunnableLambda.<Object, Object>of((Object o) -> "text").pipe(
				(Runnable) RunnableAssign.of(Map.of("k", RunnableLambda.of((Object o) -> 1))));
		assertThatIllegalArgumentException().isThrownBy(() -> chain.invoke("x"))
			.withMessageContaining("needs a map input")
			.withMessageContaining("java.lang.String");
	}

	@Test
	void runnableAssignWrapperPipesAnAssign() {
		Runnable<String, Map<String, Object>> chain = RunnableLambda.of((String s) -> Map.<String, Object>of("text", s))
			.assign(Map.of("upper", RunnableLambda.of((Map<String, Object> in) -> ((String) in.get("text")).toUpperCase())));
		assertThat(chain.invoke("hey")).isEqualTo(Map.of("text", "hey", "upper", "HEY"));
	}

	@Test
	void pickOneKeyGivesItsValueAndSeveralGiveAMap() {
		Map<String, Object> input = Map.of("a", 1, "b", 2, "c", 3);
		assertThat(RunnablePick.of("b").invoke(input)).isEqualTo(2);
		assertThat(RunnablePick.of("a", "c", "missing").invoke(input)).isEqualTo(Map.of("a", 1, "c", 3));
	}

	@Test
	void pickStreamsPickedPartsOfEachChunk() {
		Flux<Object> chunks = Flux.just(Map.of("a", "x"), Map.of("b", "y"), Map.of("a", "z"));
		StepVerifier.create(RunnablePick.of("a").transform(chunks, RunnableConfig.EMPTY)).expectNext("x", "z").verifyComplete();
	}

	@Test
	void pickWrapperPicksFromTheOutput() {
		Runnable<String, Object> chain = RunnableLambda.of((String s) -> Map.<String, Object>of("text", s, "n", 1)).pick("text");
		assertThat(chain.invoke("hi")).isEqualTo("hi");
	}

	@Test
	void lambdaReturningRunnableRunsItOnTheSameInput() {
		Runnable<Integer, String> router = RunnableLambda.route((Integer i) -> (i > 10) ? RunnableLambda.of((Integer x) -> "big " + x)
				: RunnableLambda.of((Integer x) -> "small " + x));
		assertThat(router.invoke(3)).isEqualTo("small 3");
		StepVerifier.create(router.ainvoke(30)).expectNext("big 30").verifyComplete();
	}

	@Test
	void recursionLimitStopsALambdaThatReturnsItself() {
		AtomicReference<Runnable<String, String>> self = new AtomicReference<>();
		self.set(RunnableLambda.route((String s) -> self.get()));

		assertThatExceptionOfType(RecursionLimitException.class).isThrownBy(() -> self.get().invoke("loop"))
			.withMessageContaining("Recursion limit reached")
			.withMessageContaining("recursionLimit");
		assertThatExceptionOfType(RecursionLimitException.class)
			.isThrownBy(() -> self.get().invoke("loop", RunnableConfig.builder().recursionLimit(3).build()));
	}

	@Test
	void recursionLimitCountsNestedRoutes() {
		Runnable<String, String> leaf = RunnableLambda.of((String s) -> s + "!");
		Runnable<String, String> nested = leaf;
		for (int depth = 0; depth < 3; depth++) {
			Runnable<String, String> next = nested;
			nested = RunnableLambda.route((String s) -> next);
		}
		Runnable<String, String> threeDeep = nested;

		assertThat(threeDeep.invoke("ok", RunnableConfig.builder().recursionLimit(3).build())).isEqualTo("ok!");
		assertThatExceptionOfType(RecursionLimitException.class)
			.isThrownBy(() -> threeDeep.invoke("ok", RunnableConfig.builder().recursionLimit(2).build()));
	}

	@Test
	void bindRejectsArgumentsARunnableDoesNotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunnableLambda.of((String s) -> s).bind(Map.of("temperature", 0.2)))
			.withMessageContaining("temperature");
		Runnable<String, String> lambda = RunnableLambda.of((String s) -> s);
		assertThat(lambda.bind(Map.of())).isSameAs(lambda);
	}

	@Test
	void withConfigLayersBoundConfigUnderTheCallersConfig() {
		ConfigSpy spy = new ConfigSpy();
		Runnable<String, String> bound = spy.runnable.withConfig(RunnableConfig.builder().tags("bound").metadata("a", 1).runName("named").build());

		bound.invoke("x", RunnableConfig.builder().tags("call").metadata("b", 2).build());

		assertThat(spy.last().tags()).containsExactly("bound", "call");
		assertThat(spy.last().metadata()).containsEntry("a", 1).containsEntry("b", 2);
		assertThat(bound.getName()).isEqualTo("named");
	}

}
