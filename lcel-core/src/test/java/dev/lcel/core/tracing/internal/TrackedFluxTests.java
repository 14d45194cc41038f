package dev.lcel.core.tracing.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunType;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Scannable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedFluxTests {

	private final List<String> heard = new CopyOnWriteArrayList<>();

	private final CallbackHandler recording = new CallbackHandler() {

		@Override
		public void onRunStart(RunInfo run, Object input) {
			TrackedFluxTests.this.heard.add("start " + run.name());
		}

		@Override
		public void onRunStream(RunInfo run, Object chunk) {
			if ("bad".equals(chunk) && run.name().equals("second")) {
				throw new IllegalStateException("broken handler");
			}
			TrackedFluxTests.this.heard.add(run.name() + " " + chunk);
		}

		@Override
		public void onRunEnd(RunInfo run, Object input, Object output) {
			TrackedFluxTests.this.heard.add("end " + run.name() + " " + output);
		}

		@Override
		public void onRunError(RunInfo run, Throwable error) {
			TrackedFluxTests.this.heard.add("error " + run.name() + " " + error.getClass().getSimpleName());
		}

	};

	@Test
	void aRunsStreamThatFeedsAnothersIsWatchedByOneOperatorInTheOrderOfTwo() {
		RunTracker first = tracker("first");
		RunTracker second = tracker("second");
		Flux<String> chained = new TrackedFlux<>(new TrackedFlux<>(Flux.just("a", "b"), first,
				TrackedFlux.Role.REPORTED_OUTPUT), second, TrackedFlux.Role.REPORTED_OUTPUT);
		Subscription[] subscription = new Subscription[1];

		chained.subscribe(new BaseSubscriber<String>() {

			@Override
			protected void hookOnSubscribe(Subscription upstream) {
				subscription[0] = upstream;
				requestUnbounded();
			}

		});

		// One operator: the one the subscriber sees has the source itself as its parent.
		Object parent = Scannable.from(subscription[0]).scanUnsafe(Scannable.Attr.PARENT);
		assertThat(parent.getClass().getName()).doesNotContain("TrackedFlux");
		assertThat(this.heard).containsExactly("start first", "first a", "start second", "second a", "first b",
				"second b", "end first ab", "end second ab");
	}

	@Test
	void aHandlerThatThrowsFailsItsRunAndTheOnesAfterAndCancelsTheOnesBefore() {
		Flux<String> chained = new TrackedFlux<>(new TrackedFlux<>(new TrackedFlux<>(Flux.just("a", "bad", "c"),
				tracker("zeroth"), TrackedFlux.Role.REPORTED_OUTPUT), tracker("first"), TrackedFlux.Role.REPORTED_OUTPUT),
				tracker("second"), TrackedFlux.Role.REPORTED_OUTPUT);

		StepVerifier.create(chained).expectNext("a").expectErrorMessage("broken handler").verify();

		assertThat(this.heard.subList(6, this.heard.size())).containsExactly("zeroth bad", "first bad",
				"error first CancellationException", "error zeroth CancellationException", "error second IllegalStateException");
	}

	@Test
	void cancellingReachesTheLaterRunFirst() {
		Flux<String> chained = new TrackedFlux<>(new TrackedFlux<>(Flux.just("a", "b"), tracker("first"),
				TrackedFlux.Role.COLLECTED_OUTPUT), tracker("second"), TrackedFlux.Role.COLLECTED_OUTPUT);

		StepVerifier.create(chained, 1).expectNext("a").thenCancel().verify();

		assertThat(this.heard).containsExactly("start second", "error second CancellationException", "start first",
				"error first CancellationException");
	}

	@Test
	void chunksARunReportsUnderItsOwnCollectedOutputAreWatchedByOneOperatorInOneRole() {
		RunTracker model = tracker("model");
		model.start("go");
		Flux<String> output = new TrackedFlux<>(new TrackedFlux<>(Flux.just("a", "b"), model, TrackedFlux.Role.REPORTED),
				model, TrackedFlux.Role.COLLECTED_OUTPUT);
		Subscription[] subscription = new Subscription[1];

		output.subscribe(new BaseSubscriber<String>() {

			@Override
			protected void hookOnSubscribe(Subscription upstream) {
				subscription[0] = upstream;
				requestUnbounded();
			}

		});

		Object parent = Scannable.from(subscription[0]).scanUnsafe(Scannable.Attr.PARENT);
		assertThat(parent.getClass().getName()).doesNotContain("TrackedFlux");
		// Reported, collected and ended once, as doOnNext(report) under the collecting operator did.
		assertThat(this.heard).containsExactly("start model", "model a", "model b", "end model ab");
	}

	@Test
	void reportedChunksOnTheirOwnDoNotEndTheRun() {
		RunTracker model = tracker("model");
		model.start("go");

		StepVerifier.create(new TrackedFlux<>(Flux.just("a", "b"), model, TrackedFlux.Role.REPORTED))
			.expectNext("a", "b")
			.verifyComplete();
		model.end("ab");

		assertThat(this.heard).containsExactly("start model", "model a", "model b", "end model ab");
	}

	@Test
	void reportedChunksOfAnotherRunStayTheirOwnRole() {
		RunTracker first = tracker("first");
		RunTracker second = tracker("second");
		first.start("go");

		StepVerifier.create(new TrackedFlux<>(new TrackedFlux<>(Flux.just("a"), first, TrackedFlux.Role.REPORTED), second,
				TrackedFlux.Role.COLLECTED_OUTPUT))
			.expectNext("a")
			.verifyComplete();

		assertThat(this.heard).containsExactly("start first", "first a", "start second", "end second a");
	}

	@Test
	void aHandlerThatThrowsOnAReportedChunkFailsTheRunOnce() {
		RunTracker second = tracker("second");
		second.start("go");
		Flux<String> output = new TrackedFlux<>(new TrackedFlux<>(Flux.just("a", "bad", "c"), second,
				TrackedFlux.Role.REPORTED), second, TrackedFlux.Role.COLLECTED_OUTPUT);

		StepVerifier.create(output).expectNext("a").expectErrorMessage("broken handler").verify();

		assertThat(this.heard).containsExactly("start second", "second a", "error second IllegalStateException");
	}

	@Test
	void anErrorHookBetweenTwoRunsIsCalledByTheOperatorThatWatchesBoth() {
		RunTracker first = tracker("first");
		RunTracker second = tracker("second");
		Flux<String> failing = Flux.just("a").concatWith(Flux.error(new IllegalStateException("boom")));
		Flux<String> chained = new TrackedFlux<>(RunStreams.doOnError(new TrackedFlux<>(failing, first,
				TrackedFlux.Role.REPORTED_OUTPUT), first.manager(), (ex) -> this.heard.add("hook " + ex.getMessage())),
				second, TrackedFlux.Role.REPORTED_OUTPUT);
		Subscription[] subscription = new Subscription[1];

		chained.subscribe(new BaseSubscriber<String>() {

			@Override
			protected void hookOnSubscribe(Subscription upstream) {
				subscription[0] = upstream;
				requestUnbounded();
			}

			@Override
			protected void hookOnError(Throwable error) {
				TrackedFluxTests.this.heard.add("stream failed " + error.getMessage());
			}

		});

		// One operator for both runs and the hook: its parent is the source's own subscription.
		Object parent = Scannable.from(subscription[0]).scanUnsafe(Scannable.Attr.PARENT);
		assertThat(parent.getClass().getName()).doesNotContain("TrackedFlux").doesNotContain("Peek");
		// In the order doOnError between two operators would have: the run upstream, the hook, the run downstream.
		assertThat(this.heard).containsExactly("start first", "first a", "start second", "second a",
				"error first IllegalStateException", "hook boom", "error second IllegalStateException", "stream failed boom");
	}

	@Test
	void anErrorHookThatThrowsReplacesTheErrorForTheRunsAfterIt() {
		RunTracker first = tracker("first");
		RunTracker second = tracker("second");
		Flux<String> chained = new TrackedFlux<>(RunStreams.doOnError(new TrackedFlux<>(
				Flux.<String>error(new IllegalStateException("boom")), first, TrackedFlux.Role.COLLECTED_OUTPUT),
				first.manager(), (ex) -> {
					throw new IllegalArgumentException("hook broke");
				}), second, TrackedFlux.Role.COLLECTED_OUTPUT);

		StepVerifier.create(chained)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("hook broke")
				.hasSuppressedException(new IllegalStateException("boom")))
			.verify();

		assertThat(this.heard).containsExactly("start first", "error first IllegalStateException", "start second",
				"error second IllegalArgumentException");
	}

	@Test
	void anErrorHookWithNoTrackedOperatorBelowIsADoOnError() {
		RunTracker first = tracker("first");
		List<String> hooked = new CopyOnWriteArrayList<>();

		StepVerifier.create(RunStreams.doOnError(Flux.<String>error(new IllegalStateException("boom")), first.manager(),
				(ex) -> hooked.add(ex.getMessage())))
			.expectErrorMessage("boom")
			.verify();

		assertThat(hooked).containsExactly("boom");
	}

	@Test
	void aCancellationPassesAnErrorHookBy() {
		RunTracker first = tracker("first");
		RunTracker second = tracker("second");
		List<String> hooked = new CopyOnWriteArrayList<>();
		Flux<String> chained = new TrackedFlux<>(RunStreams.doOnError(new TrackedFlux<>(Flux.just("a", "b"), first,
				TrackedFlux.Role.COLLECTED_OUTPUT), first.manager(), (ex) -> hooked.add(ex.getMessage())), second,
				TrackedFlux.Role.COLLECTED_OUTPUT);

		StepVerifier.create(chained, 1).expectNext("a").thenCancel().verify();

		assertThat(hooked).isEmpty();
		assertThat(this.heard).containsExactly("start second", "error second CancellationException", "start first",
				"error first CancellationException");
	}

	private RunTracker tracker(String name) {
		RunInfo run = new RunInfo(UUID.randomUUID(), List.of(), name, RunType.CHAIN, List.of(), Map.of(), "stream");
		return new RunTracker(run, List.of(this.recording), RunnableConfig.EMPTY);
	}

}
