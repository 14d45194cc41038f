package dev.lcel.core.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Runs a runnable and emits the events of its whole run tree as they happen: the engine behind
 * {@link Runnable#astreamEvents}.
 *
 * <p>Events arrive in causal order: a run's start before its chunks, its chunks before its end,
 * a child's start after its parent's. Prompts, tools and retrievers report start and end only. When
 * a run fails, its end event carries {@code data.error}; when the root fails, the stream then fails
 * with the root's exception. Cancelling the stream cancels the run.
 */
public final class EventStream {

	private EventStream() {
	}

	/**
	 * Stream the events of running {@code runnable} on {@code input}.
	 * @param <I> the input type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config of the run
	 * @param filter which runs to report
	 * @return the events, lazily
	 */
	public static <I> Flux<StreamEvent> of(Runnable<I, ?> runnable, I input, RunnableConfig config, RunFilter filter) {
		return Flux.create((sink) -> {
			RunnableConfig traced = config.toBuilder().callbacks(new Emitter(sink, filter)).build();
			Disposable run = Runs.astream(runnable, input, traced).subscribe(null, sink::error, sink::complete);
			sink.onDispose(run);
		});
	}

	private static final class Emitter implements CallbackHandler {

		private final FluxSink<StreamEvent> sink;

		private final RunFilter filter;

		Emitter(FluxSink<StreamEvent> sink, RunFilter filter) {
			this.sink = sink;
			this.filter = filter;
		}

		@Override
		public void onRunStart(RunInfo run, Object input) {
			emit(run, run.runType().startEvent(), (input != null) ? data("input", input) : Map.of());
		}

		@Override
		public void onRunStream(RunInfo run, Object chunk) {
			if (streams(run.runType())) {
				emit(run, run.runType().streamEvent(), data("chunk", chunk));
			}
		}

		@Override
		public void onRunEnd(RunInfo run, Object input, Object output) {
			Map<String, Object> data = new LinkedHashMap<>();
			if (input != null) {
				data.put("input", input);
			}
			data.put("output", output);
			emit(run, run.runType().endEvent(), data);
		}

		@Override
		public void onRunError(RunInfo run, Throwable error) {
			emit(run, run.runType().endEvent(), data("error", error.getClass().getName() + ": " + error.getMessage()));
		}

		@Override
		public void onCustomEvent(RunInfo run, String name, Object data) {
			if (this.filter.test(run)) {
				this.sink.next(new StreamEvent("on_custom_event", name, run.runId(), run.parentIds(), run.tags(),
						run.metadata(), customData(data)));
			}
		}

		private void emit(RunInfo run, String event, Map<String, Object> data) {
			if (this.filter.test(run)) {
				this.sink.next(new StreamEvent(event, run.name(), run.runId(),
						run.parentIds(), run.tags(), run.metadata(), data));
			}
		}

		private static boolean streams(RunType type) {
			return type == RunType.CHAIN || type == RunType.CHAT_MODEL || type == RunType.PARSER;
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> customData(Object data) {
			return (data instanceof Map<?, ?> map) ? (Map<String, Object>) map : data("data", data);
		}

		private static Map<String, Object> data(String key, Object value) {
			return Collections.singletonMap(key, value);
		}

	}

}
