package dev.lcel.core.runnable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnableWithFallbacksTests {

	private final IllegalStateException down = new IllegalStateException("primary down");

	private final Runnable<String, String> primary = RunnableLambda.of((String s) -> {
		throw this.down;
	});

	private final Runnable<String, String> backup = RunnableLambda.of((String s) -> "backup:" + s);

	@Test
	void fallbackAnswersWhenPrimaryFails() {
		assertThat(this.primary.withFallbacks(this.backup).invoke("x")).isEqualTo("backup:x");
		StepVerifier.create(this.primary.withFallbacks(this.backup).ainvoke("x")).expectNext("backup:x").verifyComplete();
	}

	@Test
	void allFailingThrowsTheFirstFailure() {
		Runnable<String, String> alsoDown = RunnableLambda.of((String s) -> {
			throw new IllegalStateException("backup down");
		});
		assertThatThrownBy(() -> this.primary.withFallbacks(List.of(alsoDown, alsoDown)).invoke("x")).isSameAs(this.down);
	}

	@Test
	void unhandledExceptionIsNotCaught() {
		Runnable<String, String> guarded = RunnableWithFallbacks.builder(this.primary)
			.fallbacks(List.of(this.backup))
			.exceptionsToHandle(IllegalArgumentException.class)
			.build();
		assertThatThrownBy(() -> guarded.invoke("x")).isSameAs(this.down);
	}

	@Test
	void exceptionKeyPassesTheFailureToTheFallback() {
		Runnable<Map<String, Object>, String> failing = RunnableLambda.of((Map<String, Object> in) -> {
			throw this.down;
		});
		Runnable<Map<String, Object>, String> explain = RunnableLambda
			.of((Map<String, Object> in) -> in.get("q") + " failed: " + ((Throwable) in.get("error")).getMessage());
		Runnable<Map<String, Object>, String> guarded = RunnableWithFallbacks.builder(failing)
			.fallbacks(List.of(explain))
			.exceptionKey("error")
			.build();

		assertThat(guarded.invoke(Map.of("q", "why"))).isEqualTo("why failed: primary down");
	}

	@Test
	void streamFallsBackBeforeItsFirstChunk() {
		Runnable<String, String> refused = RunnableGenerator.of((Flux<String> in) -> Flux.error(this.down));
		Runnable<String, String> streaming = RunnableGenerator.of((Flux<String> in) -> Flux.just("b", "c"));
		StepVerifier.create(refused.withFallbacks(streaming).astream("x")).expectNext("b", "c").verifyComplete();
	}

	@Test
	void streamDoesNotFallBackAfterItsFirstChunk() {
		Runnable<String, String> cut = RunnableGenerator
			.of((Flux<String> in) -> Flux.concat(Flux.just("a"), Flux.error(this.down)));
		StepVerifier.create(cut.withFallbacks(this.backup).astream("x"))
			.expectNext("a")
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(this.down))
			.verify();
	}

}
