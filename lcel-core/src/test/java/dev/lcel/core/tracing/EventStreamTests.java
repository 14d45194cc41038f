package dev.lcel.core.tracing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamTests {

	private final Runnable<String, String> prep = RunnableLambda.of("prep", (String s) -> s.trim());

	private final Runnable<String, String> tokens = RunnableGenerator.of("tokens",
			(Flux<String> in, RunnableConfig config) -> in.flatMapIterable((s) -> List.of(s.split("(?<= )"))));

	private final Runnable<String, String> upper = RunnableGenerator.of("upper",
			(Flux<String> in, RunnableConfig config) -> in.map(String::toUpperCase));

	private final Runnable<String, String> chain = this.prep.pipe(this.tokens).pipe(this.upper);

	@Test
	void threeStepStreamingChainEmitsEventsInCausalOrder() {
		List<StreamEvent> events = this.chain.astreamEvents(" a b ").collectList().block();

		assertThat(events).extracting((e) -> e.event() + " " + e.name()).containsExactly(
				"on_chain_start RunnableSequence",
				"on_chain_start prep",
				"on_chain_stream prep",
				"on_chain_start tokens",
				"on_chain_stream tokens",
				"on_chain_start upper",
				"on_chain_stream upper",
				"on_chain_stream RunnableSequence",
				"on_chain_stream tokens",
				"on_chain_stream upper",
				"on_chain_stream RunnableSequence",
				"on_chain_end prep",
				"on_chain_end tokens",
				"on_chain_end upper",
				"on_chain_end RunnableSequence");
	}

	@Test
	void eventsCarryDataAndTheRunTree() {
		List<StreamEvent> events = this.chain.astreamEvents(" a b ").collectList().block();
		StreamEvent root = events.get(0);
		StreamEvent rootEnd = events.get(events.size() - 1);
		StreamEvent firstUpperChunk = events.stream()
			.filter((e) -> e.event().equals("on_chain_stream") && e.name().equals("upper"))
			.findFirst()
			.orElseThrow();

		assertThat(root.data()).containsEntry("input", " a b ");
		assertThat(root.parentIds()).isEmpty();
		assertThat(rootEnd.data()).containsEntry("output", "A B");
		assertThat(firstUpperChunk.data()).containsEntry("chunk", "A ");
		assertThat(firstUpperChunk.parentIds()).containsExactly(root.runId());
		assertThat(events).extracting(StreamEvent::runId).doesNotContainNull();
	}

	@Test
	void parallelEventsNestEachBranchUnderTheParallel() {
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("left", RunnableLambda.of("left", (String s) -> s + "<"))
			.branch("right", RunnableLambda.of("right", (String s) -> s + ">"))
			.build();

		List<StreamEvent> events = parallel.astreamEvents("x").collectList().block();

		assertThat(events.get(0).event()).isEqualTo("on_chain_start");
		assertThat(events.get(0).name()).isEqualTo("RunnableParallel<left,right>");
		assertThat(events.get(events.size() - 1).event()).isEqualTo("on_chain_end");
		assertThat(events.get(events.size() - 1).data()).containsEntry("output", Map.of("left", "x<", "right", "x>"));
		UUID parallelId = events.get(0).runId();
		for (String branch : List.of("left", "right")) {
			List<String> branchEvents = events.stream().filter((e) -> e.name().equals(branch)).map(StreamEvent::event).toList();
			assertThat(branchEvents).containsExactly("on_chain_start", "on_chain_stream", "on_chain_end");
			assertThat(events.stream().filter((e) -> e.name().equals(branch)))
				.allSatisfy((e) -> assertThat(e.parentIds()).containsExactly(parallelId));
		}
		assertThat(events.stream().filter((e) -> e.name().equals("RunnableParallel<left,right>") && e.event().equals("on_chain_stream")))
			.extracting((e) -> e.data().get("chunk"))
			.containsExactlyInAnyOrder(Map.of("left", "x<"), Map.of("right", "x>"));
	}

	@Test
	void filtersChooseRunsByNameTypeAndTag() {
		Runnable<String, String> tagged = this.chain.withConfig(RunnableConfig.EMPTY);
		List<String> names = this.chain.astreamEvents(" a ", RunnableConfig.EMPTY, RunFilter.ALL.includeNames("tokens"))
			.map(StreamEvent::name)
			.distinct()
			.collectList()
			.block();
		assertThat(names).containsExactly("tokens");

		List<String> excluded = tagged
			.astreamEvents(" a ", RunnableConfig.EMPTY, RunFilter.ALL.excludeNames("prep", "RunnableSequence"))
			.map(StreamEvent::name)
			.distinct()
			.collectList()
			.block();
		assertThat(excluded).containsExactlyInAnyOrder("tokens", "upper");

		Runnable<String, String> withTag = this.prep.withConfig(RunnableConfig.builder().tags("audit").build())
			.pipe(this.upper);
		List<String> byTag = withTag.astreamEvents(" a ", RunnableConfig.EMPTY, RunFilter.ALL.includeTags("audit"))
			.map(StreamEvent::name)
			.distinct()
			.collectList()
			.block();
		assertThat(byTag).containsExactly("prep");

		assertThat(this.chain.astreamEvents(" a ", RunnableConfig.EMPTY, RunFilter.ALL.excludeTypes(RunType.CHAIN))
			.collectList()
			.block()).isEmpty();
	}

	@Test
	void customEventsArriveFromInsideALambda() {
		Runnable<String, String> working = RunnableLambda.configAware("worker", (String s, RunnableConfig config) -> {
			Runs.dispatchCustomEvent("progress", Map.of("percent", 50), config);
			return s;
		});

		List<StreamEvent> events = this.prep.pipe(working).astreamEvents("x").collectList().block();

		StreamEvent custom = events.stream().filter((e) -> e.event().equals("on_custom_event")).findFirst().orElseThrow();
		assertThat(custom.name()).isEqualTo("progress");
		assertThat(custom.data()).containsEntry("percent", 50);
		StreamEvent workerStart = events.stream()
			.filter((e) -> e.name().equals("worker") && e.event().equals("on_chain_start"))
			.findFirst()
			.orElseThrow();
		assertThat(custom.runId()).isEqualTo(workerStart.runId());
		assertThat(events.indexOf(custom)).isGreaterThan(events.indexOf(workerStart));
	}

	@Test
	void failureEndsTheRunWithErrorDataThenFailsTheStream() {
		IllegalStateException boom = new IllegalStateException("boom");
		Runnable<String, String> failing = this.prep.pipe(RunnableLambda.of("explode", (String s) -> {
			throw boom;
		}));

		StepVerifier.create(failing.astreamEvents("x").map((e) -> e.event() + " " + e.name() + " " + e.data().keySet()))
			.expectNext("on_chain_start RunnableSequence [input]")
			.expectNext("on_chain_start prep []")
			.expectNext("on_chain_stream prep [chunk]")
			// As in LangChain, a streamed step starts when its first input chunk arrives.
			.expectNext("on_chain_start explode []")
			.expectNext("on_chain_end prep [output, input]")
			.expectNext("on_chain_end explode [error]")
			.expectNext("on_chain_end RunnableSequence [error]")
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(boom))
			.verify();
	}

	@Test
	void eventsWaitForDemandAndArriveInOrder() {
		Runnable<Object, String> chain = FakeStreamingChatModel.builder().responses("abc").chunkSize(1).build()
			.pipe(new StrOutputParser());
		List<String> all = chain.astreamEvents("go", RunnableConfig.EMPTY, RunFilter.ALL)
			.map((event) -> event.event() + " " + event.name())
			.collectList()
			.block();

		StepVerifier.create(chain.astreamEvents("go", RunnableConfig.EMPTY, RunFilter.ALL)
			.map((event) -> event.event() + " " + event.name()), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.thenRequest(1)
			.expectNext(all.get(0))
			.thenRequest(2)
			.expectNext(all.get(1), all.get(2))
			.thenRequest(Long.MAX_VALUE)
			.expectNextSequence(all.subList(3, all.size()))
			.verifyComplete();
	}

	@Test
	void cancellingTheEventStreamCancelsTheRun() {
		List<String> errors = new CopyOnWriteArrayList<>();
		CallbackHandler listener = new CallbackHandler() {

			@Override
			public void onRunError(RunInfo run, Throwable error) {
				errors.add(run.runType().wireName() + " " + error.getClass().getSimpleName());
			}

		};
		Runnable<Object, String> slow = FakeStreamingChatModel.builder()
			.responses("abcdef")
			.chunkSize(1)
			.delay(Duration.ofMillis(20))
			.build()
			.pipe(new StrOutputParser());

		StepVerifier.create(slow.astreamEvents("go", RunnableConfig.builder().callbacks(listener).build(), RunFilter.ALL))
			.expectNextMatches((event) -> event.event().equals("on_chain_start"))
			.thenCancel()
			.verify(Duration.ofSeconds(5));

		assertThat(errors).contains("chain CancellationException");
	}

	@Test
	void noCallbacksMeansNoRunsAreCreated() {
		List<RunnableConfig> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		Runnable<String, String> spy = RunnableLambda.configAware((String s, RunnableConfig config) -> {
			seen.add(config);
			return s;
		});
		this.prep.pipe(spy).invoke("x");
		assertThat(seen).singleElement().satisfies((config) -> assertThat(config.callbacks()).isEmpty());
	}

}
