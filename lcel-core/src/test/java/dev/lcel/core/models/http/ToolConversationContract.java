package dev.lcel.core.models.http;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.tools.AgentTurn;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallingAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
abstract class ToolConversationContract {

	@RegisterExtension
	static WireMockExtension wireMock = ProviderWire.server();

	record City(String city) {
	}

	record Zone(String zone) {
	}

	final Tool weather = Tool.fromFunction("weather", "The weather in a city", City.class, (c) -> c.city() + ": 3°C");

	final Tool time = Tool.fromFunction("time", "The time in a zone", Zone.class, (z) -> "14:05 " + z.zone());

	/** The provider's wire. */
	abstract ProviderWire wire();

	/** The fixture of the first answer, asking for weather(Oslo) and time(CET) at once. */
	String callsFixture() {
		return "tool-calls";
	}

	/** The ids the provider gave the two calls, {@code null} when it gives none. */
	abstract List<String> callIds();

	/** Check the second request: the assistant's calls and the tool results in the provider's format. */
	abstract void assertFollowUp(JsonNode body);

	@Test
	void aToolConversationRunsBothCallsAndSendsTheirResultsBack() {
		serve(callsFixture(), STARTED, "answered");
		serve("tool-conversation-answer", "answered", "answered");
		ToolCallingAgent agent = ToolCallingAgent.builder(wire().model(wireMock))
			.tools(this.weather, this.time)
			.build();

		AgentTurn turn = agent.invoke("Weather in Oslo and the time in CET?");

		List<BaseMessage> messages = turn.messages();
		assertThat(messages).hasSize(4);
		AIMessage calls = (AIMessage) messages.get(0);
		assertThat(calls.toolCalls()).extracting(ToolCall::name, ToolCall::args)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("weather", Map.of("city", "Oslo")),
					org.assertj.core.groups.Tuple.tuple("time", Map.of("zone", "CET")));
		assertThat(calls.toolCalls()).extracting(ToolCall::id).containsExactlyElementsOf(callIds());
		assertThat(messages.subList(1, 3)).extracting(BaseMessage::content).containsExactly("Oslo: 3°C", "14:05 CET");
		assertThat(messages.subList(1, 3)).extracting((m) -> ((ToolMessage) m).name()).containsExactly("weather", "time");
		assertThat(turn.finalAnswer().content()).isEqualTo("Oslo: 3°C, 14:05 CET.");
		List<ServeEvent> requests = wireMock.getAllServeEvents();
		assertThat(requests).hasSize(2);
		JsonNode first = body(requests.get(1));
		assertThat(first.path("tools")).hasSize(2);
		JsonNode followUp = body(requests.get(0));
		assertThat(followUp.path("tools")).hasSize(2);
		assertFollowUp(followUp);
	}

	private static JsonNode body(ServeEvent event) {
		return JsonMapper.shared().readTree(event.getRequest().getBodyAsString());
	}

	private void serve(String fixture, String state, String next) {
		wireMock.stubFor(post(urlEqualTo(wire().chatPath())).inScenario("conversation")
			.whenScenarioStateIs(state)
			.willSetStateTo(next)
			.willReturn(wire().answer(fixture)));
	}

}
