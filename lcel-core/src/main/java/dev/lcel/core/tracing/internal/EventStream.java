package dev.lcel.core.tracing.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.StreamEvent;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;

/**
 * Runs a runnable and emits the events of its whole run tree as they happen, in the shapes of
 * LangChain's event stream version 2: the engine behind {@link Runnable#astreamEvents}. Internal:
 * reached through that method; not an API.
 *
 * <p>Events arrive in causal order: a run's start before its chunks, its chunks before its end,
 * a child's start after its parent's. Data is LangChain's: {@code input} on a start when the input
 * is known then (a run that transforms a stream learns its input as it goes and reports it on its
 * end), {@code chunk} on a stream event, {@code output} and {@code input} on an end; a chat
 * model's input is {@code {"messages": [[...]]}}. As in LangChain, the first event reported
 * carries the call's input, and the root run's end carries no input (it is on the first event).
 * The root's output chunks are reported as stream events while its run is open, even when its
 * runnable does not report chunks itself (a branch, fallbacks); a runnable that streams as one
 * invoke (a prompt) has ended by then and reports none. When a run fails, its end event carries {@code data.error} (LangChain
 * reports no end event then); when the root fails, the stream then fails with the root's
 * exception. Cancelling the stream cancels the run.
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
		return EventSink.watch(runnable, input, config, (subscriber, root) -> new Emitter(subscriber, filter, root, input));
	}

	private static final class Emitter implements EventSink.Source<StreamEvent> {

		private final EventLock lock = new EventLock();

		private final EventSink<StreamEvent> sink;

		private final RunFilter filter;

		private final UUID root;

		private final @Nullable Object input;

		private @Nullable RunInfo rootRun;

		private volatile boolean rootReported;

		private volatile boolean rootEnded;

		private @Nullable Boolean tapRoot;

		private @Nullable UUID firstEventRun;

		Emitter(Subscriber<? super StreamEvent> subscriber, RunFilter filter, UUID root, @Nullable Object input) {
			this.sink = new EventSink<>(subscriber, this.lock);
			this.filter = filter;
			this.root = root;
			this.input = input;
		}

		@Override
		public void onRunStart(RunInfo run, @Nullable Object input) {
			if (run.runId().equals(this.root)) {
				this.rootRun = run;
			}
			emit(run, run.runType().startEvent(), (input != null) ? data("input", input) : Map.of());
		}

		/**
		 * Only the runs the filter reports are sent their chunks: no event is made for the others.
		 */
		@Override
		public boolean needsChunks(RunInfo run) {
			return this.filter.test(run);
		}

		@Override
		public void onRunStream(RunInfo run, Object chunk) {
			if (!this.rootReported && run.runId().equals(this.root)) {
				this.rootReported = true;
			}
			StreamEvent event = new StreamEvent(run.runType().streamEvent(), run.name(), run.runId(), run.parentIds(),
					run.tags(), run.metadata(), new ChunkData(chunk));
			this.lock.lock();
			try {
				// A stream event is never a start or an end: only the first event's rule can apply.
				if (this.firstEventRun != null) {
					this.sink.next(event);
					return;
				}
			}
			finally {
				this.lock.unlock();
			}
			send(event);
		}

		@Override
		public EventSink<StreamEvent> sink() {
			return this.sink;
		}

		@Override
		public void rootCompleted() {
			this.sink.completeLocked();
		}

		@Override
		public void rootFailed(Throwable error) {
			this.lock.lock();
			try {
				this.sink.error(error);
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * Report a chunk of the root's output, unless the root's run reports its chunks itself or
		 * has already ended (a runnable that streams as one invoke), as LangChain's tap does.
		 */
		@Override
		public void rootChunk(Object chunk) {
			if (this.tapRoot == null) {
				this.tapRoot = !this.rootReported;
			}
			if (this.tapRoot && !this.rootEnded && this.rootRun != null) {
				emit(this.rootRun, this.rootRun.runType().streamEvent(), new ChunkData(chunk));
			}
		}

		@Override
		public void onRunEnd(RunInfo run, @Nullable Object input, @Nullable Object output) {
			if (run.runId().equals(this.root)) {
				this.rootEnded = true;
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("output", output);
			data.put("input", (input != null) ? input : Map.of());
			emit(run, run.runType().endEvent(), data);
		}

		@Override
		public void onRunError(RunInfo run, Throwable error) {
			if (run.runId().equals(this.root)) {
				this.rootEnded = true;
			}
			emit(run, run.runType().endEvent(), data("error", error.getClass().getName() + ": " + error.getMessage()));
		}

		@Override
		public void onCustomEvent(RunInfo run, String name, Object data) {
			if (this.filter.test(run)) {
				send(new StreamEvent("on_custom_event", name, run.runId(), run.parentIds(), run.tags(), run.metadata(),
						customData(data)));
			}
		}

		private void emit(RunInfo run, String event, Map<String, Object> data) {
			if (this.filter.test(run)) {
				send(new StreamEvent(event, run.name(), run.runId(), run.parentIds(), run.tags(), run.metadata(), data));
			}
		}

		/**
		 * Send an event with LangChain's two rules for the root: the first event sent carries the
		 * call's input, and the end of the run that sent it carries none.
		 */
		private void send(StreamEvent event) {
			this.lock.lock();
			try {
				if (this.firstEventRun == null) {
					this.firstEventRun = event.runId();
					event = withData(event, "input", this.input);
				}
				else if (event.data().containsKey("input") && event.runId().equals(this.firstEventRun)
						&& event.event().endsWith("_end")) {
					event = withData(event, "input", null);
				}
				this.sink.next(event);
			}
			finally {
				this.lock.unlock();
			}
		}

		private static StreamEvent withData(StreamEvent event, String key, Object value) {
			Map<String, Object> data = new LinkedHashMap<>(event.data());
			if (value != null) {
				data.put(key, value);
			}
			else {
				data.remove(key);
			}
			return new StreamEvent(event.event(), event.name(), event.runId(), event.parentIds(), event.tags(),
					event.metadata(), data);
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
