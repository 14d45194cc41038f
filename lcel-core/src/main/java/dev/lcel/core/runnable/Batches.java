package dev.lcel.core.runnable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one runnable over many inputs with a concurrency limit: the engine behind {@code batch},
 * {@code abatch} and {@code batchAsCompleted}, and behind the branches of a parallel.
 */
final class Batches {

	/** The concurrency of a batch when neither its options nor its config set one. */
	static final int DEFAULT_MAX_CONCURRENCY = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);

	private Batches() {
	}

	static int concurrency(RunnableConfig config, BatchOptions options) {
		if (options.maxConcurrency() != null) {
			return options.maxConcurrency();
		}
		return (config.maxConcurrency() != null) ? config.maxConcurrency() : DEFAULT_MAX_CONCURRENCY;
	}

	static <I, O> List<O> invoke(Runnable<I, O> given, List<I> inputs, RunnableConfig config,
			BatchOptions options) {
		rejectReturnExceptions(options);
		Runnable<I, O> runnable = RunnableAdapter.adapt(given);
		if (inputs.isEmpty()) {
			return new ArrayList<>();
		}
		if (inputs.size() == 1) {
			return Collections.singletonList(runnable.invoke(inputs.get(0), config));
		}
		RunnableConfig itemConfig = perItem(config, inputs.size());
		int workers = Math.min(concurrency(config, options), inputs.size());
		// Each worker takes the next input until none is left: one thread hop per worker, not per
		// input, and never more than maxConcurrency inputs in flight.
		Object[] outputs = new Object[inputs.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicBoolean stop = new AtomicBoolean();
		Blocking.await(Flux.range(0, workers).flatMap((worker) -> Mono.<Void>fromRunnable(() -> {
			for (int i = next.getAndIncrement(); i < outputs.length && !stop.get(); i = next.getAndIncrement()) {
				outputs[i] = runnable.invoke(inputs.get(i), itemConfig);
			}
		}).subscribeOn(Workers.scheduler()), workers).doFinally((signal) -> stop.set(true)).then());
		@SuppressWarnings("unchecked")
		List<O> result = (List<O>) Arrays.asList(outputs);
		return result;
	}

	static <I, O> Mono<List<O>> ainvoke(Runnable<I, O> given, List<I> inputs, RunnableConfig config,
			BatchOptions options) {
		rejectReturnExceptions(options);
		Runnable<I, O> runnable = RunnableAdapter.adapt(given);
		RunnableConfig itemConfig = perItem(config, inputs.size());
		return outputs(ordered(inputs.size(), concurrency(config, options),
				(i) -> asyncOutcome(runnable, inputs.get(i), i, itemConfig)));
	}

	static <I, O> Flux<Indexed<O>> asCompleted(Runnable<I, O> given, List<I> inputs, RunnableConfig config,
			BatchOptions options) {
		Runnable<I, O> runnable = RunnableAdapter.adapt(given);
		RunnableConfig itemConfig = perItem(config, inputs.size());
		return Flux.range(0, inputs.size()).flatMap((i) -> {
			Mono<Indexed<O>> outcome = asyncOutcome(runnable, inputs.get(i), i, itemConfig);
			return options.returnExceptions() ? outcome.onErrorResume((ex) -> Mono.just(Indexed.failure(i, ex)))
					: outcome;
		}, concurrency(config, options));
	}

	/**
	 * Run {@code task} for the indexes {@code 0..count-1}, at most {@code concurrency} at once, and
	 * collect the outcomes in index order. The first failure cancels the tasks still running.
	 */
	static <O> Mono<List<Indexed<O>>> ordered(int count, int concurrency, Function<Integer, Mono<Indexed<O>>> task) {
		return Flux.range(0, count).flatMapSequential(task, concurrency).collectList();
	}

	private static <I, O> Mono<Indexed<O>> asyncOutcome(Runnable<I, O> runnable, I input, int index,
			RunnableConfig config) {
		return Mono.defer(() -> runnable.ainvoke(input, config))
			.map((output) -> Indexed.success(index, output))
			.defaultIfEmpty(Indexed.success(index, null))
			.subscribeOn(Workers.scheduler());
	}

	private static <O> Mono<List<O>> outputs(Mono<List<Indexed<O>>> outcomes) {
		return outcomes.map((list) -> {
			List<O> outputs = new ArrayList<>(list.size());
			list.forEach((outcome) -> outputs.add(outcome.output()));
			return outputs;
		});
	}

	private static RunnableConfig perItem(RunnableConfig config, int count) {
		// One run id cannot name several runs.
		return (count > 1 && config.runId() != null) ? config.toBuilder().runId(null).build() : config;
	}

	private static void rejectReturnExceptions(BatchOptions options) {
		if (options.returnExceptions()) {
			throw new IllegalArgumentException("returnExceptions needs results that can hold an exception: "
					+ "use batchAsCompleted, whose Indexed items carry the exception in place of the output "
					+ "(collect them with collectSortedList(Indexed.byIndex()) for input order)");
		}
	}

}
