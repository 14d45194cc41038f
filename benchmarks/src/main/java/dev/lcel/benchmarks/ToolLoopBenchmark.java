package dev.lcel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolCallChunk;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.tools.AgentTurn;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallingAgent;
import dev.lcel.core.tools.annotation.ToolParam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Flux;

/**
 * The tool-calling loop's own cost: one {@link ToolCallingAgent#invoke} of two rounds (the model
 * asks for {@code toolCalls} calls of a {@code @Tool} method, then answers), against the baseline
 * of the same work written by hand in the same run: the same two model calls and the same method
 * called directly, the messages appended in a list. The model answers at once (no network), so
 * the difference is the loop's own work: binding, concurrency, tool runs, reading arguments into
 * parameter types, writing the results as text.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar ToolLoop}; report
 * {@code (agent - baseline) / toolCalls} as the overhead per tool call, and {@code agent / baseline}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToolLoopBenchmark extends AverageTimeBenchmark {

	@Param({ "1", "4" })
	public int toolCalls;

	private ChatModel model;

	private Calculator calculator;

	private ToolCallingAgent agent;

	private List<BaseMessage> question;

	/** The tool: a bean method. */
	public static class Calculator {

		@dev.lcel.core.tools.annotation.Tool(description = "Multiplies two numbers")
		public double multiply(@ToolParam(description = "a factor") double a, @ToolParam(description = "a factor") double b) {
			return a * b;
		}

	}

	/**
	 * A model that answers at once: with {@code calls} tool calls while the conversation does not
	 * end in a tool result, with text after.
	 */
	static final class InstantModel extends ChatModel {

		private final AIMessageChunk calls;

		private final AIMessageChunk answer = new AIMessageChunk("The products are ready.");

		InstantModel(int calls) {
			List<ToolCallChunk> chunks = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				chunks.add(new ToolCallChunk(i, "call_" + i, "multiply", "{\"a\":" + i + ",\"b\":7}"));
			}
			this.calls = new AIMessageChunk("", chunks, null, null, "m1", null);
		}

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
				RunnableConfig config) {
			return Flux.just((messages.get(messages.size() - 1) instanceof ToolMessage) ? this.answer : this.calls);
		}

	}

	@Setup
	public void setUp() {
		this.model = new InstantModel(this.toolCalls);
		this.calculator = new Calculator();
		this.agent = ToolCallingAgent.builder(this.model).tools(Tool.fromMethods(this.calculator)).build();
		this.question = List.of(new HumanMessage("Multiply them all by 7"));
	}

	@Benchmark
	public AIMessage baselineHandWritten() {
		List<BaseMessage> conversation = new ArrayList<>(this.question);
		AIMessage first = this.model.invoke(conversation);
		conversation.add(first);
		for (ToolCall call : first.toolCalls()) {
			Map<String, Object> args = call.args();
			double product = this.calculator.multiply(((Number) args.get("a")).doubleValue(),
					((Number) args.get("b")).doubleValue());
			conversation.add(new ToolMessage(String.valueOf(product), call.id(), null, call.name()));
		}
		return this.model.invoke(conversation);
	}

	@Benchmark
	public AgentTurn agentInvoke() {
		return this.agent.invoke(this.question);
	}

}
