package dev.lcel.core.models.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.tools.AgentTurn;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallingAgent;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole tool-calling conversation on each provider's wire: the model asks for two tools at once
 * (fixtures in the provider's real format), the agent runs them and sends the calls and their
 * results back in the provider's format, and the model answers.
 */
class ToolConversationTests {

	@RegisterExtension
	static WireMockExtension wireMock = ProviderWire.server();

	record City(String city) {
	}

	record Zone(String zone) {
	}

	final Tool weather = Tool.fromFunction("weather", "The weather in a city", City.class, (c) -> c.city() + ": 3°C");

	final Tool time = Tool.fromFunction("time", "The time in a zone", Zone.class, (z) -> "14:05 " + z.zone());

	@ParameterizedTest
	@MethodSource("conversations")
	void aToolConversationRunsBothCallsAndSendsTheirResultsBack(Conversation conversation) {
		serve(conversation, conversation.callsFixture(), STARTED, "answered");
		serve(conversation, "tool-conversation-answer", "answered", "answered");
		ToolCallingAgent agent = ToolCallingAgent.builder(conversation.wire().model(wireMock))
			.tools(this.weather, this.time)
			.build();

		AgentTurn turn = agent.invoke("Weather in Oslo and the time in CET?");

		List<BaseMessage> messages = turn.messages();
		assertThat(messages).hasSize(4);
		AIMessage calls = (AIMessage) messages.get(0);
		assertThat(calls.toolCalls()).extracting(ToolCall::name, ToolCall::args)
			.containsExactly(Tuple.tuple("weather", Map.of("city", "Oslo")), Tuple.tuple("time", Map.of("zone", "CET")));
		assertThat(calls.toolCalls()).extracting(ToolCall::id).containsExactlyElementsOf(conversation.callIds());
		assertThat(messages.subList(1, 3)).extracting(BaseMessage::content).containsExactly("Oslo: 3°C", "14:05 CET");
		assertThat(messages.subList(1, 3)).extracting((m) -> ((ToolMessage) m).name()).containsExactly("weather", "time");
		assertThat(turn.finalAnswer().content()).isEqualTo("Oslo: 3°C, 14:05 CET.");
		List<ServeEvent> requests = wireMock.getAllServeEvents();
		assertThat(requests).hasSize(2);
		JsonNode first = body(requests.get(1));
		assertThat(first.path("tools")).hasSize(2);
		JsonNode followUp = body(requests.get(0));
		assertThat(followUp.path("tools")).hasSize(2);
		assertThat(followUp.path("messages")).isEqualTo(conversation.wire().json("tool-conversation-follow-up"));
	}

	private static JsonNode body(ServeEvent event) {
		return JsonMapper.shared().readTree(event.getRequest().getBodyAsString());
	}

	private static void serve(Conversation conversation, String fixture, String state, String next) {
		wireMock.stubFor(post(urlEqualTo(conversation.wire().chatPath())).inScenario("conversation")
			.whenScenarioStateIs(state)
			.willSetStateTo(next)
			.willReturn(conversation.wire().answer(fixture)));
	}

	/**
	 * The three providers' sides of the conversation. OpenAI's Chat Completions wire carries
	 * {@code tool_calls} on the assistant message (arguments as JSON text) and one
	 * {@code role: tool} message per result with its {@code tool_call_id}. Anthropic's Messages
	 * wire carries the assistant's text and {@code tool_use} blocks (input as an object), then one
	 * user turn holding both {@code tool_result} blocks, each naming its {@code tool_use_id}.
	 * Ollama's chat wire sends the calls whole on separate lines (no ids), takes them back on the
	 * assistant message with their arguments as objects, and each result as a {@code role: tool}
	 * message naming its tool ({@code tool_name}).
	 */
	static Stream<Conversation> conversations() {
		return Stream.of(new Conversation(ProviderWire.OPENAI, "tool-calls", List.of("call_1", "call_2")),
				new Conversation(ProviderWire.ANTHROPIC, "tool-conversation-calls", List.of("toolu_1", "toolu_2")),
				new Conversation(ProviderWire.OLLAMA, "tool-calls", Arrays.asList(null, null)));
	}

	/**
	 * A provider's side of the conversation: the fixture of its first answer (asking for
	 * weather(Oslo) and time(CET) at once) and the ids it gives the two calls. The second request's
	 * messages, carrying the assistant's calls and the tool results in the provider's format, are
	 * the provider's {@code tool-conversation-follow-up.json} fixture.
	 */
	record Conversation(ProviderWire wire, String callsFixture, List<String> callIds) {

		@Override
		public String toString() {
			return this.wire.name();
		}

	}

}
