package dev.lcel.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.lcel.demo.ChainRequests.postJson;
import static dev.lcel.demo.ChainRequests.streamedData;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DemoHttpTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theChatChainKeepsAConversationPerSessionId() {
		this.client.get()
			.uri("/chains/chat/config_schema")
			.exchange()
			.expectBody()
			.jsonPath("$.properties.configurable.properties.session_id").exists();
		postJson(this.client, "/chains/chat/invoke", "{\"input\": {\"question\": \"Hello, I am Ada.\"}}")
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("session_id"));
		for (String question : List.of("Hello, I am Ada.", "What is my name?")) {
			postJson(this.client, "/chains/chat/invoke", "{\"input\": {\"question\": \"" + question
					+ "\"}, \"config\": {\"configurable\": {\"session_id\": \"ada-1\"}}}")
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.output").value((String output) -> assertThat(output).contains("scripted reply"));
		}
	}

	@Test
	void streamEventsOfTheJokeChainHaveLangServesAndLangChainsShapes() {
		List<JsonNode> events = dataEvents("/chains/joke/stream_events", "{\"input\": {\"topic\": \"bears\"}}");

		JsonNode first = events.get(0);
		assertThat(first.path("event").asString()).isEqualTo("on_chain_start");
		assertThat(first.path("name").asString()).isEqualTo("/chains/joke");
		assertThat(first.path("data").path("input").path("topic").asString()).isEqualTo("bears");
		assertThat(first.path("metadata").path("__langserve_endpoint").asString()).isEqualTo("stream_events");
		JsonNode modelStart = events.stream()
			.filter((e) -> e.path("event").asString().equals("on_chat_model_start"))
			.findFirst()
			.orElseThrow();
		JsonNode step = events.stream()
			.filter((e) -> e.path("event").asString().endsWith("_start"))
			.filter((e) -> e.path("tags").toString().contains("\"seq:step:2\""))
			.findFirst()
			.orElseThrow();
		// The model step is the model (or the retry around it, whose first attempt is the model).
		assertThat(step.path("run_id").asString()).isIn(modelStart.path("run_id").asString(),
				modelStart.path("parent_ids").path(1).asString());
		assertThat(modelStart.path("data").path("input").path("messages").path(0).path(0).path("content").asString())
			.contains("bears");
		JsonNode modelEnd = events.stream()
			.filter((e) -> e.path("event").asString().equals("on_chat_model_end"))
			.findFirst()
			.orElseThrow();
		// LangChain's clients revive a message from its type, so it is written inside event data too.
		assertThat(modelEnd.path("data").path("output").path("type").asString()).isEqualTo("AIMessageChunk");
		assertThat(modelStart.path("data").path("input").path("messages").path(0).path(0).path("type").asString())
			.isEqualTo("human");
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.path("event").asString()).isEqualTo("on_chain_end");
		assertThat(last.path("data").has("input")).isFalse();
	}

	@Test
	void streamLogOfTheJokeChainEndsInLangChainsRunLog() {
		List<JsonNode> patches = dataEvents("/chains/joke/stream_log", "{\"input\": {\"topic\": \"bears\"}}");

		Map<String, String> types = new java.util.TreeMap<>();
		for (JsonNode patch : patches) {
			for (JsonNode op : patch.path("ops")) {
				String path = op.path("path").asString();
				if (path.matches("/logs/[^/]+") && op.path("value").has("type")) {
					types.put(op.path("value").path("name").asString(), op.path("value").path("type").asString());
				}
			}
		}
		assertThat(types).containsEntry("ChatPromptTemplate", "prompt").containsEntry("StrOutputParser", "parser")
			.containsValue("llm");
		assertThat(patches.get(0).path("ops").path(0).path("value").path("name").asString()).isEqualTo("/chains/joke");
	}

	private List<JsonNode> dataEvents(String uri, String body) {
		return postJson(this.client, uri, body)
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.filter((event) -> "data".equals(event.event()))
			.map((event) -> JsonMapper.shared().readTree(event.data()))
			.collectList()
			.block();
	}

	@Test
	void extractAnswersWithAPersonAndStreamsItAsItFillsIn() {
		String body = "{\"input\": {\"text\": \"Ada Lovelace, 36, loved mathematics.\"}}";
		postJson(this.client, "/chains/extract/invoke", body)
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output.name").isEqualTo("Ada Lovelace")
			.jsonPath("$.output.age").isEqualTo(36)
			.jsonPath("$.output.skills.length()").isEqualTo(3);
		List<String> data = dataEvents("/chains/extract/stream", body).stream().map(JsonNode::toString).toList();
		assertThat(data).hasSizeGreaterThan(10);
		assertThat(data).contains("{\"name\":\"Ad\",\"age\":0,\"skills\":null}",
				"{\"name\":\"Ada Lovelace\",\"age\":36,\"skills\":[\"math\"]}");
		assertThat(data.get(data.size() - 1)).isEqualTo(
				"{\"name\":\"Ada Lovelace\",\"age\":36,\"skills\":[\"mathematics\",\"poetical science\",\"writing programs\"]}");
		this.client.get()
			.uri("/chains/extract/output_schema")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.description").isEqualTo("A person mentioned in the text")
			.jsonPath("$.properties.age.type").isEqualTo("integer")
			.jsonPath("$.properties.skills.items.type").isEqualTo("string")
			.jsonPath("$.additionalProperties").isEqualTo(false);
	}

	@Test
	void yamlChainIsServedOverHttp() {
		postJson(this.client, "/chains/headline/invoke", "{\"input\": \"served over http\"}")
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.output.text").isEqualTo("SERVED OVER HTTP!")
			.jsonPath("$.output.stats.words").isEqualTo(3);
	}

	@Test
	void streamDeliversWordsAsServerSentEvents() {
		String body = streamedData(this.client, "/chains/typewriter/stream", "{\"input\": \"one two\"}").toString();
		assertThat(body).contains("\"ONE \"", "\"TWO\"");
	}

	@Test
	void seedJokeChainStreamsTheFakeModelsReplyTokenByToken() {
		java.util.List<String> chunks = streamedData(this.client, "/chains/joke/stream", "{\"input\": {\"topic\": \"bears\"}}");
		List<String> tokens = chunks.stream()
			.filter((data) -> data.startsWith("\""))
			.map((data) -> JsonMapper.shared().readValue(data, String.class))
			.toList();
		assertThat(tokens.size()).isGreaterThan(5);
		assertThat(String.join("", tokens)).startsWith("Why do bears have hairy coats? Fur protection!");
	}

	@Test
	void combinedRunsJokeAndPoemAndCountriesIsJson() {
		postJson(this.client, "/chains/combined/invoke", "{\"input\": {\"topic\": \"bears\"}}").expectStatus().isOk().expectBody()
			.jsonPath("$.output.joke").value((String joke) -> assertThat(joke).startsWith("Why do bears"))
			.jsonPath("$.output.poem").value((String poem) -> assertThat(poem).startsWith("Soft paws"));
		postJson(this.client, "/chains/countries/invoke", "{\"input\": \"list the countries\"}").expectStatus().isOk().expectBody()
			.jsonPath("$.output.countries[2].name").isEqualTo("Japan");
	}

	@Test
	void missingPromptVariableIs422NamingIt() {
		postJson(this.client, "/chains/joke/invoke", "{\"input\": {\"topc\": \"bears\"}}").expectStatus().isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[*].field").value((java.util.List<String> fields) -> assertThat(fields).contains("/input/topic"));
	}

	@Test
	void metricsShowChainRunsAndModelCalls() {
		postJson(this.client, "/chains/joke/invoke", "{\"input\": {\"topic\": \"bears\"}}").expectStatus().isOk();
		this.client.get().uri("/actuator/metrics").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.names").value((java.util.List<String> names) -> assertThat(names)
				.contains("lcel.run", "gen_ai.client.operation.duration", "lcel.streams.active"));
		this.client.get().uri("/actuator/metrics/gen_ai.client.operation.duration?tag=gen_ai.provider.name:fake")
			.exchange().expectStatus().isOk();
	}

	@Test
	void frontPageLinksEveryPlayground() {
		this.client.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
			.value((html) -> assertThat(html).contains("/chains/joke/playground", "/chains/countries/playground"));
	}

	@Test
	void actuatorListsTheChains() {
		this.client.get().uri("/actuator/lcel").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.chains.headline.description").isEqualTo("Shouts a text, then shows it beside its word and letter counts");
	}

}
