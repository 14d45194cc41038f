package dev.lcel.core.tracing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.RunFilter;
import dev.lcel.core.tracing.RunInfo;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.RunType;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;

/**
 * Runs a runnable and emits its run log as JSON Patch operations as the runs progress: the engine
 * behind {@link Runnable#astreamLog}. Internal: reached through that method; not an API.
 *
 * <p>The document has LangChain's shape: the root's {@code streamed_output} (every chunk of its
 * output) and {@code final_output}, and under {@code logs} an entry per child run. A chat model's
 * entry has type {@code llm}, its tokens in {@code streamed_output_str} and its chunks in
 * {@code streamed_output}, and as {@code final_output} the generation result LangChain logs
 * ({@code {"generations": [[{"text", "generation_info", "type", "message"}]], "llm_output",
 * "run", "type": "LLMResult"}}); a prompt's {@code final_output} is its prompt value; any other
 * run's is its output when that is a map and {@code {"output": value}} otherwise. A failed run's
 * entry also has {@code error} (LangChain logs none).
 *
 * <p>Each operation only adds to the document or replaces a value that was a placeholder, so the
 * patches can be applied in order by any JSON Patch implementation. The root's
 * {@code final_output} is set once, when it completes, which keeps the log's cost linear in the
 * length of the output (LangChain updates it with every chunk; the final state is the same).
 * Cancelling the stream cancels the run.
 */
public final class RunLogStream {

	private RunLogStream() {
	}

	/**
	 * Stream the run log of running {@code runnable} on {@code input}.
	 * @param <I> the input type
	 * @param runnable the runnable
	 * @param input the input
	 * @param config the config of the run
	 * @param filter which child runs appear under {@code logs}
	 * @return the patches, lazily
	 */
	public static <I> Flux<RunLogPatch> of(Runnable<I, ?> runnable, I input, RunnableConfig config, RunFilter filter) {
		return EventSink.watch(runnable, input, config, (subscriber, root) -> new Recorder(subscriber, filter, root));
	}

	private static final class Recorder implements EventSink.Source<RunLogPatch> {

		private final EventLock lock = new EventLock();

		private final EventSink<RunLogPatch> sink;

		private final RunFilter filter;

		private final Map<String, Integer> nameCounts = new HashMap<>();

		/** Each logged run's paths, found by the run itself (a run is one object): no id hashed per chunk. */
		private final Map<RunInfo, LogPaths> paths = new IdentityHashMap<>();

		private final UUID root;

		private final ChunkAggregator rootOutput = new ChunkAggregator();

		Recorder(Subscriber<? super RunLogPatch> subscriber, RunFilter filter, UUID root) {
			this.sink = new EventSink<>(subscriber, this.lock);
			this.filter = filter;
			this.root = root;
		}

		/**
		 * Only the child runs the filter logs are sent their chunks (the root's come from its output).
		 */
		@Override
		public boolean needsChunks(RunInfo run) {
			return !run.runId().equals(this.root) && this.filter.test(run);
		}

		@Override
		public void onRunStart(RunInfo run, @Nullable Object input) {
			this.lock.lock();
			try {
				if (run.runId().equals(this.root)) {
					Map<String, Object> state = new LinkedHashMap<>();
					state.put("id", run.runId().toString());
					state.put("name", run.name());
					state.put("type", logType(run.runType()));
					state.put("streamed_output", new ArrayList<>());
					state.put("final_output", null);
					state.put("logs", new LinkedHashMap<>());
					emit(JsonPatchOp.replace("", state));
					return;
				}
				if (!this.filter.test(run)) {
					return;
				}
				LogPaths paths = new LogPaths(uniqueKey(run.name()), run.runType());
				this.paths.put(run, paths);
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("id", run.runId().toString());
				entry.put("name", run.name());
				entry.put("type", logType(run.runType()));
				entry.put("tags", run.tags());
				entry.put("metadata", run.metadata());
				entry.put("start_time", run.startTime().toString());
				entry.put("streamed_output", new ArrayList<>());
				entry.put("streamed_output_str", new ArrayList<>());
				entry.put("final_output", null);
				entry.put("end_time", null);
				emit(JsonPatchOp.add(paths.entry, entry));
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * Log a chunk of the root's output, as it reaches the caller.
		 */
		@Override
		public void rootChunk(Object chunk) {
			this.lock.lock();
			try {
				this.rootOutput.add(chunk);
				emit(JsonPatchOp.add("/streamed_output/-", chunk));
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * Log what the root had produced when it failed as its {@code final_output}, as LangChain's
		 * log, which adds up the output as it streams, shows it.
		 */
		@Override
		public void rootFailed(Throwable error) {
			this.lock.lock();
			try {
				if (!this.rootOutput.isEmpty()) {
					emit(JsonPatchOp.replace("/final_output", this.rootOutput.current()));
				}
				this.sink.error(error);
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void rootCompleted() {
			this.sink.completeLocked();
		}

		@Override
		public EventSink<RunLogPatch> sink() {
			return this.sink;
		}

		@Override
		public void onRunStream(RunInfo run, Object chunk) {
			this.lock.lock();
			try {
				LogPaths paths = this.paths.get(run);
				if (paths == null) {
					return;
				}
				JsonPatchOp output = JsonPatchOp.add(paths.streamedOutput, chunk);
				this.sink.next(new RunLogPatch((paths.type == RunType.CHAT_MODEL && chunk instanceof AIMessage message)
						? List.of(JsonPatchOp.add(paths.streamedOutputStr, message.content()), output)
						: List.of(output)));
			}
			finally {
				this.lock.unlock();
			}
		}

		@Override
		public void onRunEnd(RunInfo run, @Nullable Object input, @Nullable Object output) {
			this.lock.lock();
			try {
				if (run.runId().equals(this.root)) {
					emit(JsonPatchOp.replace("/final_output", output));
					return;
				}
				LogPaths paths = this.paths.get(run);
				if (paths != null) {
					finish(paths, JsonPatchOp.add(paths.entry + "/final_output", finalOutput(run.runType(), output)));
				}
			}
			finally {
				this.lock.unlock();
			}
		}

		/**
		 * Return a run's output as LangChain's run log records it.
		 */
		private static Object finalOutput(RunType type, Object output) {
			if (type == RunType.PROMPT || output instanceof Map<?, ?>) {
				return output;
			}
			if (type == RunType.CHAT_MODEL && output instanceof AIMessage message) {
				Map<String, Object> generation = new LinkedHashMap<>();
				generation.put("text", message.content());
				generation.put("generation_info", null);
				generation.put("type", (message instanceof AIMessageChunk) ? "ChatGenerationChunk" : "ChatGeneration");
				generation.put("message", message);
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("generations", List.of(List.of(generation)));
				result.put("llm_output", null);
				result.put("run", null);
				result.put("type", "LLMResult");
				return result;
			}
			return Collections.singletonMap("output", output);
		}

		/**
		 * Return the type LangChain's run log gives a run: {@code llm} for a chat model.
		 */
		private static String logType(RunType type) {
			return (type == RunType.CHAT_MODEL) ? "llm" : type.wireName();
		}

		@Override
		public void onRunError(RunInfo run, Throwable error) {
			this.lock.lock();
			try {
				LogPaths paths = this.paths.get(run);
				if (paths != null) {
					finish(paths, JsonPatchOp.add(paths.entry + "/error",
							error.getClass().getName() + ": " + error.getMessage()));
				}
			}
			finally {
				this.lock.unlock();
			}
		}

		private void finish(LogPaths paths, JsonPatchOp result) {
			this.sink.next(new RunLogPatch(List.of(result,
					JsonPatchOp.add(paths.entry + "/end_time", Instant.now().toString()))));
		}

		private String uniqueKey(String name) {
			int count = this.nameCounts.merge(name, 1, Integer::sum);
			return (count == 1) ? name : name + ":" + count;
		}

		private void emit(JsonPatchOp op) {
			this.sink.next(new RunLogPatch(List.of(op)));
		}

		/** Escape a key for use as a JSON Pointer segment (RFC 6901). */
		private static String escape(String key) {
			return key.replace("~", "~0").replace("/", "~1");
		}

	}

	/**
	 * The JSON Pointers of one run's entry under {@code logs}, made once when the run starts rather
	 * than for every chunk.
	 */
	private static final class LogPaths {

		final String entry;

		final String streamedOutput;

		final String streamedOutputStr;

		final RunType type;

		LogPaths(String key, RunType type) {
			this.type = type;
			this.entry = "/logs/" + Recorder.escape(key);
			this.streamedOutput = this.entry + "/streamed_output/-";
			this.streamedOutputStr = this.entry + "/streamed_output_str/-";
		}

	}

}
