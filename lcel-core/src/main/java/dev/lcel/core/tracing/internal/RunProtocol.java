package dev.lcel.core.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunIds;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunManager;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The run protocol: the one place where runs start and end and {@link CallbackHandler}s hear about
 * them, in the spirit of LangChain's {@code _call_with_config} and
 * {@code _transform_stream_with_config}. Each method starts a run of a runnable, hands its work a
 * {@link RunManager} (whose configs make children runs of this run), and ends the run with the
 * output or the error. {@link dev.lcel.core.runnable.AbstractRunnable} calls it for every runnable,
 * so runnables write only their own work.
 *
 * <p>Handlers come from {@link RunnableConfig#callbacks()} and are inherited by every run below.
 * When there are none, each method runs the work directly: tracing costs one check per run.
 *
 * <p>Internal: public only so that {@code dev.lcel.core.runnable} can reach it; not an API.
 */
public final class RunProtocol {

	/** The classes of the maps {@code Map.of} makes, which no one can change. */
	private static final Set<Class<?>> IMMUTABLE_MAPS = Set.of(Map.of("k", 1).getClass(),
			Map.of("k", 1, "l", 2).getClass());

	private RunProtocol() {
	}

	/**
	 * Run {@code work} as a run of {@code runnable} whose input is known at its start.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable whose run it is
	 * @param input the input
	 * @param reported how handlers are told of the input (a chat model reports its messages), asked
	 * only when someone listens
	 * @param config the config from the caller
	 * @param work the work, given the run
	 * @return the output
	 */
	public static <I, O> O invoke(Runnable<?, ?> runnable, I input, Function<I, Object> reported, RunnableConfig config,
			BiFunction<I, RunManager, O> work) {
		if (config.callbacks().isEmpty()) {
			return work.apply(input, new SilentRunManager(config));
		}
		RunTracker tracker = track(runnable, config, "invoke");
		tracker.start(reported.apply(input));
		O output;
		try {
			output = work.apply(input, tracker.manager());
		}
		catch (Throwable ex) {
			tracker.fail(ex);
			throw RunProtocol.<RuntimeException>rethrow(ex);
		}
		tracker.end(output);
		return output;
	}

	/**
	 * Run asynchronous {@code work} as a run whose input is known at its start; the run starts on
	 * subscription and is cancelled with it.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable whose run it is
	 * @param input the input
	 * @param reported how handlers are told of the input, asked only when someone listens
	 * @param config the config from the caller
	 * @param work the work, given the run
	 * @return the output, lazily
	 */
	public static <I, O> Mono<O> ainvoke(Runnable<?, ?> runnable, I input, Function<I, Object> reported,
			RunnableConfig config,
			BiFunction<I, RunManager, Mono<O>> work) {
		if (config.callbacks().isEmpty()) {
			return Mono.defer(() -> work.apply(input, new SilentRunManager(config)));
		}
		return Mono.defer(() -> {
			RunTracker tracker = track(runnable, config, "invoke");
			tracker.start(reported.apply(input));
			return work.apply(input, tracker.manager())
				.doOnSuccess(tracker::end)
				.doOnError(tracker::fail)
				.doOnCancel(tracker::cancel);
		});
	}

	/**
	 * Run streaming {@code work} as a run whose input is known at its start. Its chunks make up the
	 * run's output, but are not reported one by one: a runnable that streams chunks of its own (a
	 * chat model's tokens) reports them through {@link RunManager#onChunk}.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable whose run it is
	 * @param input the input
	 * @param reported how handlers are told of the input, asked only when someone listens
	 * @param config the config from the caller
	 * @param work the work, given the run
	 * @return the output chunks, lazily
	 */
	public static <I, O> Flux<O> stream(Runnable<?, ?> runnable, I input, Function<I, Object> reported,
			RunnableConfig config,
			BiFunction<I, RunManager, Flux<O>> work) {
		if (config.callbacks().isEmpty()) {
			return Flux.defer(() -> work.apply(input, new SilentRunManager(config)));
		}
		return Flux.defer(() -> {
			RunTracker tracker = track(runnable, config, "stream");
			tracker.start(reported.apply(input));
			return observe(work.apply(input, tracker.manager()), tracker, false);
		});
	}

	/**
	 * Run {@code work} as a run that transforms a stream: the run starts when its first input chunk
	 * arrives, every output chunk is reported as it is emitted, and the joined input and output
	 * are reported at its end.
	 * @param <I> the input type
	 * @param <O> the output type
	 * @param runnable the runnable whose run it is
	 * @param input the input chunks
	 * @param config the config from the caller
	 * @param work the work, given the (observed) input and the run
	 * @return the output chunks, lazily
	 */
	public static <I, O> Flux<O> transform(Runnable<?, ?> runnable, Flux<I> input, RunnableConfig config,
			BiFunction<Flux<I>, RunManager, Flux<O>> work) {
		if (config.callbacks().isEmpty()) {
			return Flux.defer(() -> work.apply(input, new SilentRunManager(config)));
		}
		return Flux.defer(() -> {
			RunTracker tracker = track(runnable, config, "stream");
			if (!tracker.watchesChunks()) {
				tracker.start(null);
				return observe(work.apply(input, tracker.manager()), tracker, true);
			}
			Flux<I> observed = new TrackedFlux<>(input, tracker, TrackedFlux.Role.INPUT);
			return observe(work.apply(observed, tracker.manager()), tracker, true);
		});
	}

	private static <O> Flux<O> observe(Flux<O> output, RunTracker tracker, boolean report) {
		TrackedFlux.Role role = TrackedFlux.Role.OUTPUT;
		if (tracker.watchesChunks()) {
			role = report ? TrackedFlux.Role.REPORTED_OUTPUT : TrackedFlux.Role.COLLECTED_OUTPUT;
		}
		return new TrackedFlux<>(output, tracker, role);
	}

	private static RunTracker track(Runnable<?, ?> runnable, RunnableConfig config, String operation) {
		List<CallbackHandler> handlers = config.callbacks();
		RunInfo parent = null;
		List<String> tags = config.tags();
		if (handlers instanceof RunCallbacks callbacks) {
			parent = callbacks.parent();
			handlers = callbacks.handlers();
			if (callbacks.childTag() != null) {
				tags = withTag(tags, callbacks.childTag());
			}
		}
		RunInfo run = new RunInfo((config.runId() != null) ? config.runId() : RunIds.next(),
				childParentIds(parent),
				(config.runName() != null) ? config.runName() : runnable.getName(), runnable.runType(), tags,
				metadata(runnable, config), operation);
		return new RunTracker(run, handlers, config);
	}

	/** The ids a child of {@code parent} has as its parents: the parent's, then the parent. */
	private static List<UUID> childParentIds(@Nullable RunInfo parent) {
		if (parent == null) {
			return List.of();
		}
		List<UUID> ids = new ArrayList<>(parent.parentIds().size() + 1);
		ids.addAll(parent.parentIds());
		ids.add(parent.runId());
		return Collections.unmodifiableList(ids);
	}

	private static List<String> withTag(List<String> tags, String tag) {
		List<String> all = new ArrayList<>(tags.size() + 1);
		all.addAll(tags);
		all.add(tag);
		return Collections.unmodifiableList(all);
	}

	private static Map<String, Object> metadata(Runnable<?, ?> runnable, RunnableConfig config) {
		Map<String, Object> own = runnable.runMetadata();
		if (own.isEmpty()) {
			return config.metadata();
		}
		if (config.metadata().isEmpty() && IMMUTABLE_MAPS.contains(own.getClass())) {
			// Made by Map.of (a chat model's provider and model): the run takes it as it is.
			return own;
		}
		Map<String, Object> merged = new LinkedHashMap<>(config.metadata());
		merged.putAll(own);
		return Collections.unmodifiableMap(merged);
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E rethrow(Throwable throwable) throws E {
		throw (E) throwable;
	}

}
