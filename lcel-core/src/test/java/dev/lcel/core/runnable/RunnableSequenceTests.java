package dev.lcel.core.runnable;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnableSequenceTests {

	@Test
	void invokeRunsStepsInOrderOnEachOthersOutput() {
		Runnable<Integer, String> chain = RunnableLambda.<Integer, Integer>of((x) -> x + 1)
			.pipe((Integer x) -> x * 10)
			.pipe((Integer x) -> "=" + x);
		assertThat(chain.invoke(1)).isEqualTo("=20");
	}

	@Test
	void pipeFlattensNestedSequences() {
		Runnable<Integer, Integer> a = RunnableLambda.of((Integer x) -> x + 1);
		Runnable<Integer, Integer> chain = a.pipe(a).pipe(a.pipe(a));
		assertThat(((RunnableSequence<Integer, Integer>) chain).getSteps()).hasSize(4);
		assertThat(chain.invoke(0)).isEqualTo(4);
	}

	@Test
	void ainvokeAndInvokeAgree() {
		Runnable<Integer, Integer> chain = RunnableLambda.of((Integer x) -> x + 1).pipe((Integer x) -> x * 2);
		StepVerifier.create(chain.ainvoke(3)).expectNext(8).verifyComplete();
	}

	@Test
	void streamEmitsFirstChunkBeforeSourceFinishes() {
		TestPublisher<String> source = TestPublisher.create();
		Runnable<String, String> tokens = RunnableGenerator.of((Flux<String> in) -> source.flux());
		Runnable<String, String> upper = RunnableGenerator.of((Flux<String> in) -> in.map(String::toUpperCase));
		Runnable<String, String> chain = tokens.pipe(upper);

		StepVerifier.create(chain.astream("go"))
			.then(() -> source.next("hel"))
			.expectNext("HEL")
			.then(() -> source.next("lo"))
			.expectNext("LO")
			.then(source::complete)
			.verifyComplete();
	}

	@Test
	void stepThatCannotStreamReceivesAggregateOfPreviousChunks() {
		List<Object> seen = new CopyOnWriteArrayList<>();
		Runnable<String, String> tokens = RunnableGenerator.of((Flux<String> in) -> Flux.just("a", "b", "c"));
		Runnable<String, Integer> length = RunnableLambda.of((String text) -> {
			seen.add(text);
			return text.length();
		});

		StepVerifier.create(tokens.pipe(length).astream("x")).expectNext(3).verifyComplete();
		assertThat(seen).containsExactly("abc");
	}

	@Test
	void blockingStreamYieldsChunksInOrder() {
		Runnable<String, String> tokens = RunnableGenerator.of((Flux<String> in) -> Flux.just("a", "b", "c"));
		Runnable<String, String> chain = RunnableLambda.of((String s) -> s).pipe(tokens);
		try (var stream = chain.stream("x")) {
			assertThat(stream.toList()).containsExactly("a", "b", "c");
		}
	}

	@Test
	void failureIsTheOriginalExceptionNamingTheFailedStep() {
		IllegalStateException boom = new IllegalStateException("boom");
		Runnable<String, String> chain = RunnableLambda.of("first", (String s) -> s)
			.pipe(RunnableLambda.of("explode", (String s) -> {
				throw boom;
			}));

		assertThatThrownBy(() -> chain.invoke("x")).isSameAs(boom);
		assertThat(FailedStep.of(boom)).hasValueSatisfying((step) -> {
			assertThat(step.stepName()).isEqualTo("explode");
			assertThat(step.stepIndex()).isEqualTo(1);
		});
	}

	@Test
	void aWatchedStreamNamesTheFailedStepAndFailsItsRunBeforeTheSequences() {
		IllegalStateException boom = new IllegalStateException("boom");
		List<String> heard = new CopyOnWriteArrayList<>();
		CallbackHandler handler = new CallbackHandler() {

			@Override
			public void onRunError(RunInfo run, Throwable error) {
				heard.add(run.name() + " " + FailedStep.of(error).map(FailedStep::stepName).orElse("-"));
			}

		};
		Runnable<String, String> chain = RunnableLambda.of("first", (String s) -> s)
			.pipe(new StrOutputParser())
			.pipe(RunnableLambda.of("explode", (String s) -> {
				throw boom;
			}));

		StepVerifier.create(chain.astream("x", RunnableConfig.builder().callbacks(handler).build()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(boom))
			.verify();

		assertThat(FailedStep.of(boom)).hasValueSatisfying((step) -> {
			assertThat(step.stepName()).isEqualTo("explode");
			assertThat(step.stepIndex()).isEqualTo(2);
		});
		// The step's run fails before its failure is recorded, the sequence's after.
		assertThat(heard).containsExactly("explode -", "RunnableSequence explode");
	}

	@Test
	void asyncFailureIsTheOriginalException() {
		IllegalStateException boom = new IllegalStateException("boom");
		Runnable<String, String> chain = RunnableLambda.of((String s) -> s).pipe((String s) -> {
			throw boom;
		});
		StepVerifier.create(chain.ainvoke("x")).expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(boom)).verify();
		StepVerifier.create(chain.astream("x")).expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(boom)).verify();
	}

	@Test
	void checkedExceptionFromAsyncStepIsRethrownUnwrappedByInvoke() {
		IOException io = new IOException("connection reset");
		Runnable<String, String> failing = RunnableGenerator.of((Flux<String> in) -> Flux.error(io));
		Runnable<String, String> chain = RunnableLambda.of((String s) -> s).pipe(failing);

		assertThatThrownBy(() -> chain.invoke("x")).isSameAs(io);
	}

	@Test
	void childStepsInheritConfigButNotRunName() {
		ConfigSpy spy = new ConfigSpy();
		RunnableConfig config = RunnableConfig.builder().tags("t1").metadata("user", "ada").runName("outer").build();

		spy.runnable.pipe(spy.runnable).invoke("x", config);

		assertThat(spy.seen).hasSize(2).allSatisfy((child) -> {
			assertThat(child.tags()).containsExactly("t1");
			assertThat(child.metadata()).containsEntry("user", "ada");
			assertThat(child.runName()).isNull();
		});
	}

	@Test
	void nullInputIsAcceptedByInvoke() {
		Runnable<Object, String> chain = RunnableLambda.of((Object o) -> String.valueOf(o)).pipe((String s) -> s + "!");
		assertThat(chain.invoke(null)).isEqualTo("null!");
	}

	@Test
	void asyncChainIsLazyUntilSubscribed() {
		List<String> calls = new CopyOnWriteArrayList<>();
		Runnable<String, String> chain = RunnableLambda.of((String s) -> {
			calls.add(s);
			return s;
		}).pipe((String s) -> s);
		Mono<String> pending = chain.ainvoke("x");
		assertThat(calls).isEmpty();
		StepVerifier.create(pending).expectNext("x").verifyComplete();
		assertThat(calls).containsExactly("x");
	}

}
