package dev.lcel.core.runnable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnableParallelTests {

	@Test
	void invokeRunsBranchesConcurrently() {
		// Each branch waits for all the others: only concurrent branches can all get past the barrier.
		CyclicBarrier barrier = new CyclicBarrier(3);
		Runnable<String, String> waiting = meetingAt(barrier, "");
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("a", waiting)
			.branch("b", waiting)
			.branch("c", waiting)
			.build();

		assertThat(parallel.invoke("x")).containsExactly(Map.entry("a", "x"), Map.entry("b", "x"), Map.entry("c", "x"));
	}

	@Test
	void ainvokeRunsBlockingBranchesConcurrently() {
		CyclicBarrier barrier = new CyclicBarrier(2);
		Runnable<String, String> waiting = meetingAt(barrier, "!");
		RunnableParallel<String> parallel = RunnableParallel.of(Map.of("a", waiting, "b", waiting));

		StepVerifier.create(parallel.ainvoke("x"))
			.assertNext((out) -> assertThat(out).containsOnly(Map.entry("a", "x!"), Map.entry("b", "x!")))
			.verifyComplete();
	}

	@Test
	void outputKeepsBranchOrder() {
		Map<String, Runnable<Integer, ?>> branches = new LinkedHashMap<>();
		for (String key : List.of("z", "y", "x", "w")) {
			branches.put(key, RunnableLambda.of((Integer i) -> key + i));
		}
		assertThat(RunnableParallel.of(branches).invoke(1).keySet()).containsExactly("z", "y", "x", "w");
	}

	@Test
	void maxConcurrencyLimitsBranchesInFlight() {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		Runnable<Integer, Integer> tracked = RunnableLambda.of((Integer i) -> {
			peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			sleepQuietly(20);
			inFlight.decrementAndGet();
			return i;
		});
		Map<String, Runnable<Integer, ?>> branches = new LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			branches.put("b" + i, tracked);
		}
		RunnableParallel.of(branches).invoke(1, RunnableConfig.builder().maxConcurrency(2).build());
		assertThat(peak.get()).isEqualTo(2);
	}

	@Test
	void failingBranchFailsWithItsExceptionAndCancelsTheOthers() throws InterruptedException {
		IllegalStateException boom = new IllegalStateException("boom");
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		Runnable<String, String> slow = blockingUntilInterrupted(started, interrupted);
		Runnable<String, String> failing = RunnableLambda.of((String s) -> {
			awaitLatch(started);
			throw boom;
		});
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("slow", slow)
			.branch("failing", failing)
			.build();

		assertThatThrownBy(() -> parallel.invoke("x")).isSameAs(boom);
		assertThat(FailedStep.of(boom)).hasValueSatisfying((step) -> assertThat(step.stepName()).isEqualTo("failing"));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void streamEmitsOneKeyMapsAsBranchesProduceChunks() {
		Runnable<String, String> letters = RunnableGenerator.of((Flux<String> in) -> Flux.just("a", "b"));
		Runnable<String, Integer> length = RunnableLambda.of(String::length);
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("letters", letters)
			.branch("length", length)
			.build();

		List<Map<String, Object>> chunks = parallel.astream("xyz").collectList().block();

		assertThat(chunks).hasSize(3)
			.contains(Map.of("letters", "a"), Map.of("letters", "b"), Map.of("length", 3));
		assertThat(ChunkAggregator.aggregate(Flux.fromIterable(chunks)).block())
			.isEqualTo(Map.of("letters", "ab", "length", 3));
	}

	@Test
	void streamingInputIsReadOnceAndSeenWholeByEveryBranch() {
		AtomicInteger subscriptions = new AtomicInteger();
		Flux<String> input = Flux.just("x", "y", "z").doOnSubscribe((s) -> subscriptions.incrementAndGet());
		Runnable<String, String> echo = RunnableGenerator.of((Flux<String> in) -> in);
		Runnable<String, String> whole = RunnableLambda.of((String s) -> s);
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("echo", echo)
			.branch("whole", whole)
			.build();

		Map<String, Object> out = ChunkAggregator.aggregate(parallel.transform(input, RunnableConfig.EMPTY)).block();

		assertThat(out).isEqualTo(Map.of("echo", "xyz", "whole", "xyz"));
		assertThat(subscriptions.get()).isEqualTo(1);
	}

	@Test
	void mapPipedAfterRunnableBecomesParallel() {
		Runnable<Integer, Map<String, Object>> chain = RunnableLambda.of((Integer x) -> x + 1)
			.pipe(Map.of("double", RunnableLambda.of((Integer x) -> x * 2), "square", RunnableLambda.of((Integer x) -> x * x)));
		assertThat(chain.invoke(2)).isEqualTo(Map.of("double", 6, "square", 9));
	}

	/** A branch that waits at the barrier for the others, then answers its input with the suffix. */
	static Runnable<String, String> meetingAt(CyclicBarrier barrier, String suffix) {
		return RunnableLambda.of((String s) -> {
			try {
				barrier.await(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("branches did not run concurrently", ex);
			}
			return s + suffix;
		});
	}

	/**
	 * A branch that blocks its thread until it is interrupted, counting {@code started} down when
	 * it begins and {@code interrupted} when the interrupt arrives.
	 */
	static Runnable<String, String> blockingUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
		return RunnableLambda.of((String s) -> {
			started.countDown();
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return s;
		});
	}

	static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
