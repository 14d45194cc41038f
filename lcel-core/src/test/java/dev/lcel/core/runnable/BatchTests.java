package dev.lcel.core.runnable;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import dev.lcel.core.config.RunnableConfig;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchTests {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final Runnable<Integer, Integer> tracked = RunnableLambda.of((Integer i) -> {
		this.peak.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		// Later inputs finish first, so order comes from the batch, not from timing.
		RunnableParallelTests.sleepQuietly(30 - i);
		this.inFlight.decrementAndGet();
		return i * i;
	});

	@Test
	void batchReturnsOutputsInInputOrder() {
		List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
		assertThat(this.tracked.batch(inputs)).containsExactlyElementsOf(inputs.stream().map((i) -> i * i).toList());
	}

	@Test
	void batchNeverExceedsMaxConcurrency() {
		List<Integer> inputs = IntStream.range(0, 12).boxed().toList();
		this.tracked.batch(inputs, RunnableConfig.EMPTY, BatchOptions.maxConcurrency(3));
		assertThat(this.peak.get()).isEqualTo(3);
	}

	@Test
	void configMaxConcurrencyLimitsBatchToo() {
		List<Integer> inputs = IntStream.range(0, 8).boxed().toList();
		StepVerifier.create(this.tracked.abatch(inputs, RunnableConfig.builder().maxConcurrency(2).build()))
			.assertNext((outputs) -> assertThat(outputs).hasSize(8))
			.verifyComplete();
		assertThat(this.peak.get()).isEqualTo(2);
	}

	@Test
	void batchFailsWithTheFirstFailure() {
		IllegalArgumentException bad = new IllegalArgumentException("bad input 3");
		Runnable<Integer, Integer> failsOnThree = RunnableLambda.of((Integer i) -> {
			if (i == 3) {
				throw bad;
			}
			return i;
		});
		assertThatThrownBy(() -> failsOnThree.batch(List.of(1, 2, 3, 4))).isSameAs(bad);
	}

	@Test
	void batchAsCompletedWithReturnExceptionsCarriesFailuresInPlace() {
		Runnable<Integer, Integer> failsOnOdd = RunnableLambda.of((Integer i) -> {
			if (i % 2 == 1) {
				throw new IllegalStateException("odd " + i);
			}
			return i;
		});
		List<Indexed<Integer>> outcomes = failsOnOdd
			.batchAsCompleted(List.of(0, 1, 2, 3), RunnableConfig.EMPTY, BatchOptions.DEFAULTS.withReturnExceptions())
			.collectSortedList(Indexed.byIndex())
			.block();

		assertThat(outcomes).extracting(Indexed::index).containsExactly(0, 1, 2, 3);
		assertThat(outcomes).extracting(Indexed::output).containsExactly(0, null, 2, null);
		assertThat(outcomes.get(1).error()).hasMessage("odd 1");
		assertThat(outcomes.get(3).failed()).isTrue();
	}

	@Test
	void batchAsCompletedEmitsFastestFirst() {
		List<Indexed<Integer>> outcomes = this.tracked.batchAsCompleted(List.of(0, 25)).collectList().block();
		assertThat(outcomes).extracting(Indexed::index).containsExactly(1, 0);
	}

	@Test
	void batchRejectsReturnExceptionsItCannotRepresent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tracked.batch(List.of(1), RunnableConfig.EMPTY,
					BatchOptions.DEFAULTS.withReturnExceptions()))
			.withMessageContaining("batchAsCompleted");
	}

	@Test
	void emptyBatchGivesEmptyList() {
		assertThat(this.tracked.batch(List.of())).isEmpty();
		StepVerifier.create(this.tracked.abatch(List.of())).expectNext(List.of()).verifyComplete();
	}

	@Test
	void mapRunsRunnableOverEachElement() {
		assertThat(this.tracked.map().invoke(List.of(1, 2, 3))).containsExactly(1, 4, 9);
	}

	@Test
	void nullOutputsKeepTheirPlace() {
		Runnable<Integer, String> nullForEven = RunnableLambda.of((Integer i) -> (i % 2 == 0) ? null : "odd");
		assertThat(nullForEven.batch(List.of(1, 2, 3))).containsExactly("odd", null, "odd");
		assertThat(nullForEven.abatch(List.of(1, 2, 3)).block()).containsExactly("odd", null, "odd");
	}

}
