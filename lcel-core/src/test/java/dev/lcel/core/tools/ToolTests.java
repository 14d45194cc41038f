package dev.lcel.core.tools;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tools.annotation.ToolParam;
import dev.lcel.core.tracing.RunLogPatch;
import dev.lcel.core.tracing.StreamEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ToolTests {

	private final ObjectMapper json = new ObjectMapper();

	/** A bean with tool methods, as an application writes one. */
	public static class Calculator {

		@dev.lcel.core.tools.annotation.Tool(description = "Multiplies two numbers")
		public double multiply(@ToolParam(description = "the first factor") double a,
				@ToolParam(description = "the second factor") double b) {
			return a * b;
		}

		@dev.lcel.core.tools.annotation.Tool(name = "greet", description = "Greets someone")
		public String hello(String who, @ToolParam(required = false) String punctuation) {
			return "Hello, " + who + ((punctuation != null) ? punctuation : ".");
		}

		public String notATool() {
			return "no";
		}

	}

	/** The arguments of a record tool. */
	record Weather(String city, int days) {
	}

	private static tools.jackson.databind.JsonNode schema(Tool tool) {
		return tools.jackson.databind.json.JsonMapper.shared().valueToTree(tool.definition());
	}

	@Test
	void methodToolsHaveSchemasFromTheirParameters() {
		List<Tool> tools = Tool.fromMethods(new Calculator());

		assertThat(tools).extracting(Tool::name).containsExactly("greet", "multiply");
		tools.jackson.databind.JsonNode multiply = schema(tools.get(1));
		assertThat(multiply.path("description").asString()).isEqualTo("Multiplies two numbers");
		assertThat(multiply.at("/parameters/type").asString()).isEqualTo("object");
		assertThat(multiply.at("/parameters/properties/a/type").asString()).isEqualTo("number");
		assertThat(multiply.at("/parameters/properties/a/description").asString()).isEqualTo("the first factor");
		assertThat(multiply.at("/parameters/required").toString()).isEqualTo("[\"a\",\"b\"]");
		tools.jackson.databind.JsonNode greet = schema(tools.get(0));
		assertThat(greet.at("/parameters/required").toString()).isEqualTo("[\"who\"]");
	}

	@Test
	void methodToolRunsOnItsArgumentsReadIntoParameterTypes() {
		Tool multiply = Tool.fromMethods(new Calculator()).get(1);

		assertThat(multiply.invoke(Map.of("a", 6, "b", "7"))).isEqualTo(42.0);
		Object message = multiply.invoke(new ToolCall("call_1", "multiply", Map.of("a", 2, "b", 3)));
		assertThat(message).isEqualTo(new ToolMessage("6.0", "call_1", null, "multiply"));
	}

	@Test
	void missingOrMistypedArgumentsFailNamingTheToolAndArgument() {
		Tool multiply = Tool.fromMethods(new Calculator()).get(1);

		assertThatIllegalArgumentException().isThrownBy(() -> multiply.invoke(Map.of("a", 6)))
			.withMessageContaining("Tool 'multiply' needs argument 'b'");
		assertThatIllegalArgumentException().isThrownBy(() -> multiply.invoke(Map.of("a", 6, "b", "seven")))
			.withMessageContaining("Tool 'multiply': argument 'b' does not fit");
	}

	@Test
	void aBeanWithoutToolMethodsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Tool.fromMethods(new Object()))
			.withMessageContaining("has no public method annotated with @Tool");
	}

	@Test
	void recordToolReadsItsArgumentsIntoTheRecord() {
		Tool weather = Tool.fromFunction("weather", "Forecast for a city", Weather.class,
				(w) -> w.city() + " for " + w.days() + " days: sunny");

		tools.jackson.databind.JsonNode schema = schema(weather).path("parameters");
		assertThat(schema.at("/properties/city/type").asString()).isEqualTo("string");
		assertThat(schema.at("/properties/days/type").asString()).isEqualTo("integer");
		assertThat(weather.invoke(Map.of("city", "Oslo", "days", 2))).isEqualTo("Oslo for 2 days: sunny");
	}

	@Test
	void runnableAsToolTakesItsInputSchema() {
		Runnable<String, String> shout = RunnableLambda.typed("shout", String.class, String.class,
				(s) -> s.toUpperCase() + "!");
		Tool tool = shout.asTool("shout", "Shouts a text");

		tools.jackson.databind.JsonNode schema = schema(tool).path("parameters");
		assertThat(schema.at("/properties/__arg1/type").asString()).isEqualTo("string");
		assertThat(schema.at("/required/0").asString()).isEqualTo("__arg1");
		assertThat(tool.invoke(Map.of("__arg1", "hi"))).isEqualTo("HI!");
	}

	@Test
	void runnableWithObjectInputAsToolTakesItsPropertiesAsArguments() {
		Runnable<Weather, String> forecast = RunnableLambda.typed("forecast", Weather.class, String.class,
				(w) -> w.city() + ":" + w.days());
		Tool tool = forecast.asTool("forecast", "Forecast");

		tools.jackson.databind.JsonNode schema = schema(tool).path("parameters");
		assertThat(schema.at("/properties/city/type").asString()).isEqualTo("string");
		assertThat(tool.invoke(Map.of("city", "Rome", "days", 3))).isEqualTo("Rome:3");
	}

	@Test
	void toolEventsHaveLangChainsShapes() {
		Tool multiply = Tool.fromMethods(new Calculator()).get(1);

		List<StreamEvent> events = multiply.astreamEvents(new ToolCall("call_9", "multiply", Map.of("a", 2, "b", 4)))
			.collectList()
			.block();

		assertThat(events).extracting(StreamEvent::event).containsExactly("on_tool_start", "on_tool_end");
		assertThat(events).extracting(StreamEvent::name).containsOnly("multiply");
		assertThat(events.get(0).data()).containsEntry("input", new ToolCall("call_9", "multiply", Map.of("a", 2, "b", 4)));
		assertThat(events.get(1).data()).containsEntry("output", new ToolMessage("8.0", "call_9", null, "multiply"));
	}

	@Test
	void nestedToolRunReportsItsArgumentsAsInput() {
		Tool multiply = Tool.fromMethods(new Calculator()).get(1);
		Runnable<Map<String, Object>, Object> chain = RunnableLambda.of("prep", (Map<String, Object> m) -> m)
			.pipe(multiply);

		List<StreamEvent> events = chain.astreamEvents(Map.of("a", 2, "b", 4)).collectList().block();

		StreamEvent start = events.stream().filter((e) -> e.event().equals("on_tool_start")).findFirst().orElseThrow();
		StreamEvent end = events.stream().filter((e) -> e.event().equals("on_tool_end")).findFirst().orElseThrow();
		assertThat(start.data()).containsEntry("input", Map.of("a", 2, "b", 4));
		assertThat(end.data()).containsEntry("output", 8.0).containsEntry("input", Map.of("a", 2, "b", 4));
		assertThat(start.tags()).containsExactly("seq:step:2");
	}

	@Test
	void toolRunsAreToolEntriesInTheRunLog() {
		Tool multiply = Tool.fromMethods(new Calculator()).get(1);
		Runnable<Map<String, Object>, Object> chain = RunnableLambda.of("prep", (Map<String, Object> m) -> m)
			.pipe(multiply);

		JsonNode state = this.json.createObjectNode();
		for (RunLogPatch patch : chain.astreamLog(Map.of("a", 2, "b", 4)).collectList().block()) {
			state = JsonPatch.apply(this.json.valueToTree(patch.ops()), state);
		}

		assertThat(state.at("/logs/multiply/type").asText()).isEqualTo("tool");
		assertThat(state.at("/logs/multiply/final_output/output").asDouble()).isEqualTo(8.0);
	}

}
