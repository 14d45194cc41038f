package dev.lcel.core.tracing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.RetryPolicy;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunsTests {

	private final Recording recording = new Recording();

	private final RunnableConfig traced = RunnableConfig.builder().callbacks(this.recording).tags("t").build();

	@Test
	void invokeWithCallbacksMakesARunPerStepUnderTheChainsRun() {
		Runnable<String, String> chain = RunnableLambda.of("a", (String s) -> s + "a").pipe(RunnableLambda.of("b", (String s) -> s + "b"));

		chain.invoke("x", this.traced);

		assertThat(this.recording.lines).containsExactly("start RunnableSequence", "start a", "end a", "start b", "end b",
				"end RunnableSequence");
		RunInfo root = this.recording.runs.get(0);
		assertThat(this.recording.runs.get(1).parentIds()).containsExactly(root.runId());
		assertThat(root.tags()).containsExactly("t");
		assertThat(this.recording.runs.get(1).tags()).containsExactly("t", "seq:step:1");
		assertThat(this.recording.runs.get(2).tags()).containsExactly("t", "seq:step:2");
	}

	@Test
	void runNameFromConfigNamesTheRun() {
		RunnableLambda.of((String s) -> s).pipe((String s) -> s).invoke("x", this.traced.withRunName("my-chain"));
		assertThat(this.recording.lines.get(0)).isEqualTo("start my-chain");
	}

	@Test
	void retryIsARunAroundItsAttemptsAndFailedAttemptsEndInError() {
		int[] calls = { 0 };
		Runnable<String, String> flaky = RunnableLambda.of("flaky", (String s) -> {
			if (++calls[0] < 2) {
				throw new IllegalStateException("again");
			}
			return s;
		});
		Runnable<String, String> chain = RunnableLambda.of("first", (String s) -> s)
			.pipe(flaky.withRetry(RetryPolicy.DEFAULTS.withBackoff(Duration.ZERO, Duration.ZERO)));

		chain.invoke("x", this.traced);

		assertThat(this.recording.lines).containsExactly("start RunnableSequence", "start first", "end first",
				"start flaky", "start flaky", "error flaky IllegalStateException", "start flaky", "end flaky", "end flaky",
				"end RunnableSequence");
		RunInfo retry = this.recording.runs.get(2);
		assertThat(retry.runType()).isEqualTo(RunType.CHAIN);
		assertThat(retry.tags()).containsExactly("t", "seq:step:2");
		assertThat(this.recording.runs.get(3).parentIds()).endsWith(retry.runId());
		assertThat(this.recording.runs.get(3).tags()).containsExactly("t");
		assertThat(this.recording.runs.get(4).tags()).containsExactly("t", "retry:attempt:2");
	}

	@Test
	void boundConfigTagsTheBoundRun() {
		Runnable<String, String> bound = RunnableLambda.of("inner", (String s) -> s)
			.withConfig(RunnableConfig.builder().tags("bound").runName("renamed").build());

		RunnableLambda.of("outer", (String s) -> s).pipe(bound).invoke("x", this.traced);

		RunInfo renamed = this.recording.runs.stream().filter((r) -> r.name().equals("renamed")).findFirst().orElseThrow();
		assertThat(renamed.tags()).containsExactlyInAnyOrder("t", "bound", "seq:step:2");
		assertThat(this.recording.lines).doesNotContain("start inner");
	}

	@Test
	void batchWithCallbacksMakesARootRunPerInput() {
		RunnableLambda.of("item", (String s) -> s).batch(List.of("a", "b", "c"), this.traced);
		assertThat(this.recording.runs).hasSize(3).allSatisfy((run) -> assertThat(run.parentIds()).isEmpty());
	}

	@Test
	void errorIsReportedAndRethrownUnchanged() {
		IllegalArgumentException bad = new IllegalArgumentException("bad");
		Runnable<String, String> failing = RunnableLambda.of("fail", (String s) -> {
			throw bad;
		});
		assertThatThrownBy(() -> RunnableLambda.of("ok", (String s) -> s).pipe(failing).invoke("x", this.traced)).isSameAs(bad);
		assertThat(this.recording.lines).endsWith("error fail IllegalArgumentException",
				"error RunnableSequence IllegalArgumentException");
	}

	@Test
	void handlersHearOnlyTheRunsOfTheConfigsThatCarryThem() {
		Runnable<String, String> chain = RunnableLambda.of("a", (String s) -> s).pipe(RunnableLambda.of("b", (String s) -> s));
		Recording other = new Recording();

		chain.invoke("x", RunnableConfig.builder().callbacks(other).build());
		chain.invoke("y");

		assertThat(this.recording.lines).isEmpty();
		assertThat(other.lines).containsExactly("start RunnableSequence", "start a", "end a", "start b", "end b",
				"end RunnableSequence");
	}

	@Test
	void aLambdaWrittenAsARawRunnableIsARunOfItsOwn() {
		Runnable<String, String> raw = (input, config) -> input + "!";
		RunnableLambda.of("first", (String s) -> s).pipe(raw).invoke("x", this.traced);
		assertThat(this.recording.lines).containsExactly("start RunnableSequence", "start first", "end first",
				"start Runnable", "end Runnable", "end RunnableSequence");
	}

	@Test
	void aHandlerHearsTheChunksOnlyOfTheRunsWhoseChunksItReads() {
		Runnable<Object, String> chain = FakeStreamingChatModel.builder().responses("abc").chunkSize(1).build()
			.pipe(new StrOutputParser());
		List<String> chunks = new CopyOnWriteArrayList<>();
		CallbackHandler parserOnly = new CallbackHandler() {

			@Override
			public boolean needsChunks(RunInfo run) {
				return run.runType() == RunType.PARSER;
			}

			@Override
			public void onRunStream(RunInfo run, Object chunk) {
				chunks.add(run.runType().wireName() + " " + chunk);
			}

		};

		assertThat(chain.astream("go", RunnableConfig.builder().callbacks(parserOnly).build()).collectList().block())
			.containsExactly("a", "b", "c");
		assertThat(chunks).containsExactly("parser a", "parser b", "parser c");
	}

	@Test
	void aStreamedRunCollectsItsOutputOnlyForAHandlerThatReadsIt() {
		Runnable<Object, String> chain = FakeStreamingChatModel.builder().responses("abc").chunkSize(1).build()
			.pipe(new StrOutputParser());
		List<String> ends = new CopyOnWriteArrayList<>();
		CallbackHandler parserOutputs = new CallbackHandler() {

			@Override
			public boolean needsInputsAndOutputs(RunInfo run) {
				return run.runType() == RunType.PARSER;
			}

			@Override
			public boolean needsChunks() {
				return false;
			}

			@Override
			public void onRunEnd(RunInfo run, Object input, Object output) {
				ends.add(run.runType().wireName() + " " + output);
			}

		};

		chain.astream("go", RunnableConfig.builder().callbacks(parserOutputs).build()).blockLast();

		assertThat(ends).containsExactly("chat_model null", "parser abc", "chain null");
	}

	@Test
	void aHandlerThatThrowsOnAChunkFailsTheStream() {
		Runnable<Object, String> chain = FakeStreamingChatModel.builder().responses("abc").chunkSize(1).build()
			.pipe(new StrOutputParser());
		IllegalStateException broken = new IllegalStateException("broken handler");
		List<String> errors = new CopyOnWriteArrayList<>();
		CallbackHandler throwing = new CallbackHandler() {

			@Override
			public void onRunStream(RunInfo run, Object chunk) {
				if (run.runType() == RunType.PARSER) {
					throw broken;
				}
			}

			@Override
			public void onRunError(RunInfo run, Throwable error) {
				errors.add(run.runType().wireName());
			}

		};

		assertThatThrownBy(() -> chain.astream("go", RunnableConfig.builder().callbacks(throwing).build()).blockLast())
			.isSameAs(broken);
		// The model's run is cancelled when the parser's fails.
		assertThat(errors).containsExactly("chat_model", "parser", "chain");
	}

	static final class Recording implements CallbackHandler {

		final List<String> lines = new CopyOnWriteArrayList<>();

		final List<RunInfo> runs = new CopyOnWriteArrayList<>();

		@Override
		public void onRunStart(RunInfo run, Object input) {
			this.runs.add(run);
			this.lines.add("start " + run.name());
		}

		@Override
		public void onRunEnd(RunInfo run, Object input, Object output) {
			this.lines.add("end " + run.name());
		}

		@Override
		public void onRunError(RunInfo run, Throwable error) {
			this.lines.add("error " + run.name() + " " + error.getClass().getSimpleName());
		}

	}

}
