package dev.lcel.core.tracing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a runnable as a run of the run tree: the one place where runs start and end and
 * {@link CallbackHandler}s hear about it. Composite runnables run their children through these
 * methods, so every step, branch and model call is a run whose parent is the run that called it.
 *
 * <p>When nobody listens (no callbacks in the config and no global handler) every method calls
 * the runnable directly: tracing costs one check per step.
 *
 * <p>A composite that may be called directly by a user starts its own run first:
 * <pre class="code">
 * public O invoke(I input, RunnableConfig config) {
 *     if (Runs.needsOwnRun(this, config)) {
 *         return Runs.invoke(this, input, config);
 *     }
 *     ... run children with Runs.invoke(child, value, config.forChild()) ...
 * }
 * </pre>
 */
public final class Runs {

	private static final List<CallbackHandler> GLOBAL = new CopyOnWriteArrayList<>();

	private static volatile boolean globalEmpty = true;

	private Runs() {
	}

	/**
	 * Register a handler told about every run in this JVM, such as an
	 * {@code ObservationCallbackHandler} (Spring Boot registers one for its observation registry).
	 * @param handler the handler
	 */
	public static void addGlobalHandler(CallbackHandler handler) {
		GLOBAL.add(Objects.requireNonNull(handler, "handler must not be null"));
		globalEmpty = false;
	}

	/**
	 * Remove a handler registered with {@link #addGlobalHandler}.
	 * @param handler the handler
	 */
	public static void removeGlobalHandler(CallbackHandler handler) {
		GLOBAL.remove(handler);
		globalEmpty = GLOBAL.isEmpty();
	}

	/**
	 * Return whether a runnable called with {@code config} must start a run of its own: someone
	 * listens, and the config is not already that of a run of this runnable.
	 * @param runnable the runnable about to run
	 * @param config the config it was called with
	 * @return {@code true} if it should run itself through this class
	 */
	public static boolean needsOwnRun(Runnable<?, ?> runnable, RunnableConfig config) {
		if (silent(config) || runnable instanceof RunWrapper) {
			return false;
		}
		RunInfo current = config.currentRun();
		return current == null || !current.isRunOf(runnable);
	}

	/**
	 * Invoke a runnable as a run.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config from the caller
	 * @return the output
	 */
	public static <I, O> O invoke(Runnable<I, O> runnable, I input, RunnableConfig config) {
		if (silent(config) || runnable instanceof RunWrapper) {
			return runnable.invoke(input, config);
		}
		RunTracker tracker = start(runnable, config, "invoke", input);
		O output;
		try {
			output = runnable.invoke(input, config.withCurrentRun(tracker.run()));
		}
		catch (Throwable ex) {
			tracker.fail(ex);
			throw Runs.<RuntimeException>rethrow(ex);
		}
		tracker.end(output);
		return output;
	}

	/**
	 * Invoke a runnable asynchronously as a run; the run starts on subscription.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config from the caller
	 * @return the output, lazily
	 */
	public static <I, O> Mono<O> ainvoke(Runnable<I, O> runnable, I input, RunnableConfig config) {
		if (silent(config) || runnable instanceof RunWrapper) {
			return runnable.ainvoke(input, config);
		}
		return Mono.defer(() -> {
			RunTracker tracker = start(runnable, config, "invoke", input);
			return runnable.ainvoke(input, config.withCurrentRun(tracker.run()))
				.doOnSuccess(tracker::end)
				.doOnError(tracker::fail)
				.doOnCancel(tracker::cancel);
		});
	}

	/**
	 * Stream a runnable as a run; the run starts on subscription, and every chunk is reported.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config from the caller
	 * @return the output chunks, lazily
	 */
	public static <I, O> Flux<O> astream(Runnable<I, O> runnable, I input, RunnableConfig config) {
		if (silent(config) || runnable instanceof RunWrapper) {
			return runnable.astream(input, config);
		}
		return Flux.defer(() -> {
			RunTracker tracker = start(runnable, config, "stream", input);
			return observe(runnable.astream(input, config.withCurrentRun(tracker.run())), tracker);
		});
	}

	/**
	 * Transform a stream with a runnable as a run; the run starts on subscription, its input is
	 * reported (joined) when it ends, and every output chunk as it is emitted.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable
	 * @param input the input chunks
	 * @param config the config from the caller
	 * @return the output chunks, lazily
	 */
	public static <I, O> Flux<O> transform(Runnable<I, O> runnable, Flux<I> input, RunnableConfig config) {
		if (silent(config) || runnable instanceof RunWrapper) {
			return runnable.transform(input, config);
		}
		return Flux.defer(() -> {
			RunTracker tracker = track(runnable, config, "stream");
			if (!tracker.watchesChunks()) {
				tracker.start(null);
				return observe(runnable.transform(input, config.withCurrentRun(tracker.run())), tracker);
			}
			Flux<I> observedInput = input.doOnNext(tracker::input).doOnComplete(() -> tracker.start(null));
			return observe(runnable.transform(observedInput, config.withCurrentRun(tracker.run())), tracker);
		});
	}

	/**
	 * Tell the handlers of the current run about an event of the caller's own, such as progress
	 * inside a long lambda. Does nothing when nobody listens.
	 * @param name the event's name
	 * @param data the event's data
	 * @param config the config the calling runnable received
	 */
	public static void dispatchCustomEvent(String name, Object data, RunnableConfig config) {
		Objects.requireNonNull(name, "name must not be null");
		RunInfo run = config.currentRun();
		if (run == null || silent(config)) {
			return;
		}
		for (CallbackHandler handler : handlers(config)) {
			handler.onCustomEvent(run, name, data);
		}
	}

	private static <O> Flux<O> observe(Flux<O> output, RunTracker tracker) {
		Flux<O> watched = tracker.watchesChunks() ? output.doOnNext(tracker::stream) : output;
		return watched.doOnComplete(tracker::complete)
			.doOnError(tracker::fail)
			.doOnCancel(tracker::cancel);
	}

	private static boolean silent(RunnableConfig config) {
		return config.callbacks().isEmpty() && globalEmpty;
	}

	private static RunTracker start(Runnable<?, ?> runnable, RunnableConfig config, String operation, Object input) {
		RunTracker tracker = track(runnable, config, operation);
		tracker.start(input);
		return tracker;
	}

	private static RunTracker track(Runnable<?, ?> runnable, RunnableConfig config, String operation) {
		RunInfo parent = config.currentRun();
		RunInfo run = new RunInfo((config.runId() != null) ? config.runId() : UUID.randomUUID(),
				(parent != null) ? parent.childParentIds() : List.of(),
				(config.runName() != null) ? config.runName() : runnable.getName(), runnable.runType(), config.tags(),
				metadata(runnable, config), operation, runnable);
		return new RunTracker(run, handlers(config));
	}

	private static Map<String, Object> metadata(Runnable<?, ?> runnable, RunnableConfig config) {
		Map<String, Object> own = runnable.runMetadata();
		if (own.isEmpty()) {
			return config.metadata();
		}
		Map<String, Object> merged = new LinkedHashMap<>(config.metadata());
		merged.putAll(own);
		return Collections.unmodifiableMap(merged);
	}

	private static List<CallbackHandler> handlers(RunnableConfig config) {
		if (globalEmpty) {
			return config.callbacks();
		}
		List<CallbackHandler> all = new ArrayList<>(GLOBAL);
		all.addAll(config.callbacks());
		return all;
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E rethrow(Throwable throwable) throws E {
		throw (E) throwable;
	}

}
