package dev.lcel.core.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.models.FakeToolCalls;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.StreamEvent;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolCallingAgentTests {

	private final Tool multiply = Tool.fromMethods(new ToolTests.Calculator()).get(1);

	private static String calls(ToolCall... calls) {
		return FakeToolCalls.script(calls);
	}

	private static ToolCall multiplyCall(String id, int a, int b) {
		return new ToolCall(id, "multiply", Map.of("a", a, "b", b));
	}

	@Test
	void loopEndsWhenTheModelAnswersWithoutToolCalls() {
		ToolCallingAgent agent = multiplyingAgent("6 times 7 is 42");

		AgentTurn turn = agent.invoke("What is 6 times 7?");

		assertThat(turn.messages()).hasSize(3);
		assertThat(((AIMessage) turn.messages().get(0)).toolCalls()).extracting(ToolCall::id).containsExactly("c1");
		assertThat(turn.messages().get(1)).isEqualTo(new ToolMessage("42.0", "c1", null, "multiply"));
		assertThat(turn.finalAnswer().content()).isEqualTo("6 times 7 is 42");
		assertThat(agent.finalAnswer().invoke("again?").content()).isEqualTo("6 times 7 is 42");
	}

	@Test
	void modelSeesTheToolResultsOfEarlierRounds() {
		List<List<BaseMessage>> seen = new ArrayList<>();
		FakeListChatModel model = new FakeListChatModel(calls(multiplyCall("c1", 2, 3)), "done") {
			@Override
			protected reactor.core.publisher.Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages,
					dev.lcel.core.models.ChatOptions options, RunnableConfig config) {
				seen.add(messages);
				assertThat(options.tools()).extracting(dev.lcel.core.models.ToolDefinition::name).containsExactly("multiply");
				return super.streamChunks(messages, options, config);
			}
		};
		ToolCallingAgent.builder(model).tools(this.multiply).build().invoke(List.of(new HumanMessage("2*3?")));

		assertThat(seen).hasSize(2);
		assertThat(seen.get(1)).hasSize(3);
		assertThat(seen.get(1).get(2)).isEqualTo(new ToolMessage("6.0", "c1", null, "multiply"));
	}

	@Test
	void reachingTheLimitOfModelCallsFailsNamingTheLimit() {
		ToolCallingAgent agent = ToolCallingAgent.builder(new FakeListChatModel(calls(multiplyCall(null, 1, 1))))
			.tools(this.multiply)
			.maxModelCalls(3)
			.build();

		assertThatExceptionOfType(ToolException.class).isThrownBy(() -> agent.invoke("loop"))
			.withMessageContaining("limit of 3 model calls")
			.withMessageContaining("max-iterations");
	}

	@Test
	void toolCallsOfOneAnswerRunConcurrently() {
		CyclicBarrier barrier = new CyclicBarrier(3);
		Tool meet = Tool.fromFunction("meet", "Waits for the others", Map.class, (args) -> {
			try {
				return barrier.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("the calls did not run at once", ex);
			}
		});
		ToolCallingAgent agent = ToolCallingAgent.builder(new FakeListChatModel(
				calls(new ToolCall("a", "meet", Map.of()), new ToolCall("b", "meet", Map.of()), new ToolCall("c", "meet", Map.of())),
				"met"))
			.tools(meet)
			.failOnToolError(true)
			.build();

		AgentTurn turn = agent.invoke("meet");

		assertThat(turn.messages()).filteredOn(ToolMessage.class::isInstance)
			.extracting((m) -> ((ToolMessage) m).toolCallId())
			.containsExactly("a", "b", "c");
	}

	@Test
	void toolCallsAreBoundedByMaxConcurrencyOfTheConfig() {
		AtomicInteger active = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch together = new CountDownLatch(2);
		Tool count = Tool.fromFunction("count", "Counts", Map.class, (args) -> {
			most.accumulateAndGet(active.incrementAndGet(), Math::max);
			together.countDown();
			try {
				// Unbounded, the other call would arrive here at once and release both.
				together.await(300, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			active.decrementAndGet();
			return "ok";
		});
		ToolCallingAgent agent = ToolCallingAgent
			.builder(new FakeListChatModel(calls(new ToolCall("c1", "count", Map.of()), new ToolCall("c2", "count", Map.of())),
					"counted"))
			.tools(count)
			.build();

		agent.invoke("count", RunnableConfig.builder().maxConcurrency(1).build());

		assertThat(most.get()).isEqualTo(1);
	}

	@Test
	void toolFailuresBecomeToolMessagesByDefault() {
		Tool broken = Tool.fromFunction("broken", "Fails", Map.class, (args) -> {
			throw new IllegalStateException("disk full");
		});
		ToolCallingAgent agent = ToolCallingAgent.builder(new FakeListChatModel(
				calls(new ToolCall("b1", "broken", Map.of()), new ToolCall("u1", "nope", Map.of()),
						new ToolCall("m1", "multiply", Map.of("a", 1))),
				"sorry"))
			.tools(broken, this.multiply)
			.build();

		List<BaseMessage> messages = agent.invoke("try").messages();

		assertThat(messages.get(1).content()).isEqualTo("Error: disk full Please fix your mistakes.");
		assertThat(messages.get(2).content()).contains("'nope' is not a tool of this agent").contains("[broken, multiply]");
		assertThat(messages.get(3).content()).contains("Tool 'multiply' needs argument 'b'");
		assertThat(messages.get(4).content()).isEqualTo("sorry");
	}

	@Test
	void toolFailuresFailTheRunWhenAsked() {
		Tool broken = Tool.fromFunction("broken", "Fails", Map.class, (args) -> {
			throw new IllegalStateException("disk full");
		});
		ToolCallingAgent agent = ToolCallingAgent
			.builder(new FakeListChatModel(calls(new ToolCall("b1", "broken", Map.of())), "never"))
			.tools(broken)
			.failOnToolError(true)
			.build();

		assertThatExceptionOfType(ToolException.class).isThrownBy(() -> agent.invoke("try"))
			.withMessage("Tool 'broken' failed: disk full")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusedToolCallsAreNotRunAndTheModelIsToldWhy() {
		AtomicInteger runs = new AtomicInteger();
		Tool delete = Tool.fromFunction("delete", "Deletes", Map.class, (args) -> runs.incrementAndGet());
		ToolCallingAgent agent = ToolCallingAgent
			.builder(new FakeListChatModel(calls(new ToolCall("d1", "delete", Map.of("path", "/")),
					multiplyCall("m1", 2, 2)), "ok"))
			.tools(delete, this.multiply)
			.approver(ToolCallApprover.of((call) -> call.name().equals("delete")
					? ToolCallDecision.refuse("deleting is not allowed") : ToolCallDecision.approve()))
			.build();

		List<BaseMessage> messages = agent.invoke("clean up").messages();

		assertThat(runs.get()).isZero();
		assertThat(messages.get(1)).isEqualTo(new ToolMessage("Tool call refused: deleting is not allowed", "d1", null, "delete"));
		assertThat(messages.get(2).content()).isEqualTo("4.0");
	}

	@Test
	void cancellingStopsTheRunningTool() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch cancelled = new CountDownLatch(1);
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		Tool hang = Tool.of("hang", "Never ends", schema, new Runnable<Map<String, Object>, Object>() {
			@Override
			public Object invoke(Map<String, Object> input, RunnableConfig config) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Mono<Object> ainvoke(Map<String, Object> input, RunnableConfig config) {
				return Mono.never().doOnSubscribe((s) -> started.countDown()).doOnCancel(cancelled::countDown);
			}
		});
		ToolCallingAgent agent = ToolCallingAgent
			.builder(new FakeListChatModel(calls(new ToolCall("h1", "hang", Map.of())), "never"))
			.tools(hang)
			.build();

		Disposable run = agent.ainvoke("go").subscribe();
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		run.dispose();

		assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void streamingEmitsTheFinalAnswerTokensAndAddsUpToTheTurn() {
		ToolCallingAgent agent = ToolCallingAgent
			.builder(FakeStreamingChatModel.builder().responses(calls(multiplyCall("c1", 6, 7)), "It is 42").build())
			.tools(this.multiply)
			.build();

		List<AgentTurn> chunks = agent.astream("6*7?").collectList().block();
		AgentTurn whole = ChunkAggregator.aggregate(reactor.core.publisher.Flux.fromIterable(chunks)).block();
		List<String> answer = agent.finalAnswer().astream("6*7?").map(AIMessage::content).collectList().block();

		assertThat(chunks).hasSize(5);
		assertThat(whole.messages()).hasSize(3);
		assertThat(whole.messages().get(1).content()).isEqualTo("42.0");
		assertThat(whole.finalAnswer().content()).isEqualTo("It is 42");
		assertThat(answer).containsExactly("It", " is", " 42");
	}

	@Test
	void eventsShowToolRunsInsideTheAgentRun() {
		ToolCallingAgent agent = multiplyingAgent("42");

		List<StreamEvent> events = agent.astreamEvents("6*7?").collectList().block();

		assertThat(events).extracting(StreamEvent::event)
			.containsSubsequence("on_chain_start", "on_chat_model_start", "on_chat_model_end", "on_tool_start",
					"on_tool_end", "on_chat_model_start", "on_chat_model_end", "on_chain_end");
		StreamEvent root = events.get(0);
		StreamEvent toolStart = events.stream().filter((e) -> e.event().equals("on_tool_start")).findFirst().orElseThrow();
		StreamEvent toolEnd = events.stream().filter((e) -> e.event().equals("on_tool_end")).findFirst().orElseThrow();
		assertThat(root.name()).isEqualTo("agent");
		assertThat(toolStart.name()).isEqualTo("multiply");
		assertThat(toolStart.parentIds()).containsExactly(root.runId());
		assertThat(toolStart.data()).containsEntry("input", Map.of("a", 6, "b", 7));
		assertThat(toolEnd.data()).containsEntry("output", new ToolMessage("42.0", "c1", null, "multiply"))
			.containsEntry("input", Map.of("a", 6, "b", 7));
	}

	/** An agent whose model asks for multiply(6, 7) once, then answers with {@code answer}. */
	private ToolCallingAgent multiplyingAgent(String answer) {
		return ToolCallingAgent.builder(new FakeListChatModel(calls(multiplyCall("c1", 6, 7)), answer))
			.tools(this.multiply)
			.build();
	}

}
