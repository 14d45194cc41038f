package dev.lcel.core;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.models.FakeToolCalls;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tools.AgentTurn;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallApprover;
import dev.lcel.core.tools.ToolCallDecision;
import dev.lcel.core.tools.ToolCallingAgent;
import dev.lcel.core.tools.ToolException;
import dev.lcel.core.tools.annotation.ToolParam;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java examples of {@code docs/tools.md}, kept compiling and true.
 */
class ToolsExamplesTests {

	/** The page's calculator. */
	public static class Calculator {

		@dev.lcel.core.tools.annotation.Tool(description = "Multiplies two numbers")
		public double multiply(@ToolParam(description = "the first factor") double a,
				@ToolParam(description = "the second factor") double b) {
			return a * b;
		}

	}

	record Forecast(String city, int days) {
	}

	private final Runnable<String, String> shout = RunnableLambda.typed("shout", String.class, String.class,
			(s) -> s.toUpperCase() + "!");

	private static ChatModel fake() {
		return new FakeListChatModel(FakeToolCalls.script(new ToolCall("call_1", "multiply", Map.of("a", 6, "b", 7))),
				"6 times 7 is 42");
	}

	@Test
	void toolsFromMethodsFunctionsAndRunnables() {
		List<Tool> tools = Tool.fromMethods(new Calculator());
		assertThat(tools.get(0).invoke(Map.of("a", 6, "b", 7))).isEqualTo(42.0);

		Tool weather = Tool.fromFunction("weather", "The forecast for a city", Forecast.class,
				(f) -> f.city() + ": sunny for " + f.days() + " days");
		assertThat(weather.invoke(Map.of("city", "Oslo", "days", 2))).isEqualTo("Oslo: sunny for 2 days");

		Tool tool = this.shout.asTool("shout", "Shouts a text");
		assertThat(tool.invoke(Map.of("__arg1", "hi"))).isEqualTo("HI!");
	}

	@Test
	void theLoop() {
		ToolCallingAgent agent = ToolCallingAgent.builder(fake())
			.tools(Tool.fromMethods(new Calculator()))
			.tools(this.shout.asTool("shout", "Shouts a text"))
			.maxModelCalls(5)
			.build();

		AgentTurn turn = agent.invoke("What is 6 times 7?");
		assertThat(turn.messages()).hasSize(3);
		assertThat(turn.messages().get(1)).isEqualTo(new ToolMessage("42.0", "call_1", null, "multiply"));
		assertThat(turn.finalAnswer().content()).isEqualTo("6 times 7 is 42");

		AIMessage answer = agent.finalAnswer().invoke("What is 6 times 7?");
		assertThat(answer.content()).isEqualTo("6 times 7 is 42");
	}

	@Test
	void theLimitNamesItself() {
		ToolCallingAgent agent = ToolCallingAgent
			.builder(new FakeListChatModel(FakeToolCalls.script(new ToolCall(null, "multiply", Map.of("a", 1, "b", 1)))))
			.tools(Tool.fromMethods(new Calculator()))
			.maxModelCalls(5)
			.build();
		assertThatExceptionOfType(ToolException.class).isThrownBy(() -> agent.invoke("loop"))
			.withMessageStartingWith("The agent 'agent' reached its limit of 5 model calls (maxModelCalls, max-iterations in YAML)");
	}

	@Test
	void anApproverRefuses() {
		ChatModel model = new FakeListChatModel(
				FakeToolCalls.script(new ToolCall("call_1", "multiply", Map.of("a", 0, "b", 7))), "fine");
		ToolCallingAgent careful = ToolCallingAgent.builder(model)
			.tools(Tool.fromMethods(new Calculator()))
			.approver(ToolCallApprover.of((call) -> call.args().containsValue(0)
					? ToolCallDecision.refuse("multiplying by zero is not allowed") : ToolCallDecision.approve()))
			.build();

		assertThat(careful.invoke("0 times 7?").messages().get(1).content())
			.isEqualTo("Tool call refused: multiplying by zero is not allowed");
	}

	@Test
	void theFakeScript() {
		assertThat(FakeToolCalls.script(new ToolCall("call_1", "shout", Map.of("__arg1", "hi"))))
			.isEqualTo("tool_calls: [{\"id\":\"call_1\",\"name\":\"shout\",\"args\":{\"__arg1\":\"hi\"}}]");
		AIMessage calls = new FakeListChatModel("tool_calls: [{\"name\": \"multiply\", \"args\": {\"a\": 6, \"b\": 7}}]")
			.invoke("go");
		assertThat(calls.toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.id()).startsWith("call_");
			assertThat(call.args()).isEqualTo(Map.of("a", 6, "b", 7));
		});
		assertThat(calls.responseMetadata()).containsEntry("finish_reason", "tool_calls");
	}

}
