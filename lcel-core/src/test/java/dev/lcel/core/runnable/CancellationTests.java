package dev.lcel.core.runnable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationTests {

	@Test
	void cancellingStreamCancelsTheSourceOfTheChain() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Runnable<String, String> endless = endless(cancelled);
		Runnable<String, String> chain = RunnableLambda.of((String s) -> s).pipe(endless).pipe(
				RunnableGenerator.of((Flux<String> in) -> in.map((s) -> s + ".")));

		StepVerifier.create(chain.astream("go")).expectNextCount(3).thenCancel().verify();

		assertThat(cancelled).isTrue();
	}

	@Test
	void cancellingAinvokeOfParallelInterruptsBlockedBranch() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(2);
		CountDownLatch interrupted = new CountDownLatch(2);
		Runnable<String, String> blocking = RunnableParallelTests.blockingUntilInterrupted(started, interrupted);
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("a", blocking)
			.branch("b", blocking)
			.build();

		Disposable subscription = parallel.ainvoke("x").subscribe();
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		subscription.dispose();

		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void cancellingParallelStreamCancelsItsSharedInput() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<String> input = Flux.interval(Duration.ofMillis(1)).map(String::valueOf).doOnCancel(() -> cancelled.set(true));
		RunnableParallel<String> parallel = RunnableParallel.of(Map.of("echo", RunnableGenerator.of((Flux<String> in) -> in)));

		StepVerifier.create(parallel.transform(input, dev.lcel.core.config.RunnableConfig.EMPTY))
			.expectNextCount(2)
			.thenCancel()
			.verify();

		assertThat(cancelled).isTrue();
	}

	@Test
	void closingBlockingStreamCancelsTheRun() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Runnable<String, String> endless = endless(cancelled);

		try (var stream = endless.stream("go")) {
			assertThat(stream.limit(3).count()).isEqualTo(3);
		}

		assertThat(cancelled).isTrue();
	}

	/** A generator emitting a number every millisecond until it is cancelled, which it records. */
	private static Runnable<String, String> endless(AtomicBoolean cancelled) {
		return RunnableGenerator.of((Flux<String> in) -> Flux.interval(Duration.ofMillis(1))
			.map(String::valueOf)
			.doOnCancel(() -> cancelled.set(true)));
	}

}
