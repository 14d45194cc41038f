package dev.lcel.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.parsers.JsonOutputParser;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableParallel;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the LCEL "Interface" and "Streaming" guides (see {@code shared/SEED.md}), run
 * against fake models, asserting the behaviour each cell shows.
 */
class SeedExamplesTest {

	private static final String JOKE = "Why don't bears wear shoes? Because they have bear feet!";

	private static final String POEM = "Bears in the woods,\nsleeping through the snow.";

	// Interface: model = ChatOpenAI(); prompt = ChatPromptTemplate.from_template(...); chain = prompt | model
	private final ChatModel model = FakeStreamingChatModel.builder().responses(JOKE).build();

	private final ChatPromptTemplate prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");

	private final Runnable<Map<String, ?>, AIMessage> chain = this.prompt.pipe(this.model);

	// Interface: Input Schema

	@Test
	void chainInputSchemaIsThePromptsInputSchema() {
		ObjectNode schema = this.chain.inputSchema();
		assertThat(schema).isEqualTo(this.prompt.inputSchema());
		assertThat(schema.get("title").asString()).isEqualTo("PromptInput");
		assertThat(schema.get("properties").get("topic").get("type").asString()).isEqualTo("string");
		assertThat(schema.get("required").get(0).asString()).isEqualTo("topic");
	}

	@Test
	void promptInputSchemaListsItsVariable() {
		ObjectNode schema = this.prompt.inputSchema();
		assertThat(schema.get("properties").propertyNames()).containsExactly("topic");
		assertThat(schema.get("properties").get("topic").get("title").asString()).isEqualTo("Topic");
	}

	@Test
	void modelInputSchemaAcceptsTextPromptValuesOrMessages() {
		ObjectNode schema = this.model.inputSchema();
		assertThat(schema.get("anyOf")).hasSize(4);
		assertThat(schema.get("anyOf").get(0).get("type").asString()).isEqualTo("string");
		assertThat(schema.get("anyOf").get(2).get("title").asString()).isEqualTo("ChatPromptValueConcrete");
		assertThat(schema.get("anyOf").get(3).get("type").asString()).isEqualTo("array");
	}

	// Interface: Output Schema

	@Test
	void chainOutputSchemaIsTheModelsMessage() {
		ObjectNode schema = this.chain.outputSchema();
		assertThat(schema).isEqualTo(this.model.outputSchema());
		assertThat(schema.get("title").asString()).isEqualTo("AIMessage");
		assertThat(schema.get("properties").has("content")).isTrue();
		assertThat(schema.get("properties").has("tool_calls")).isTrue();
	}

	// Interface: Stream

	@Test
	void streamYieldsChunksAsTheyComeThatJoinToTheAnswer() {
		List<String> contents;
		try (var chunks = this.chain.stream(Map.of("topic", "bears"))) {
			contents = chunks.map(AIMessage::content).toList();
		}
		assertThat(contents).hasSizeGreaterThan(1);
		assertThat(String.join("", contents)).isEqualTo(JOKE);
	}

	// Interface: Invoke

	@Test
	void invokeReturnsTheWholeMessage() {
		AIMessage answer = this.chain.invoke(Map.of("topic", "bears"));
		assertThat(answer).isNotInstanceOf(AIMessageChunk.class);
		assertThat(answer.content()).isEqualTo(JOKE);
		assertThat(answer.usageMetadata().inputTokens()).isEqualTo(6);
		assertThat(answer.usageMetadata().outputTokens()).isEqualTo(10);
	}

	// Interface: Batch

	@Test
	void batchAnswersEachInputInOrder() {
		ChatModel model = FakeStreamingChatModel.builder().responses(JOKE, POEM).build();
		List<AIMessage> answers = echoPrompt().pipe(model).batch(List.of(Map.of("topic", "bears"), Map.of("topic", "cats")));
		assertThat(answers).extracting(AIMessage::content).containsExactlyInAnyOrder(JOKE, POEM);
	}

	// Interface: Async Stream

	@Test
	void astreamEmitsChunksThatJoinToTheAnswer() {
		List<String> contents = new ArrayList<>();
		StepVerifier.create(this.chain.astream(Map.of("topic", "bears")))
			.recordWith(ArrayList::new)
			.thenConsumeWhile((chunk) -> chunk instanceof AIMessageChunk)
			.consumeRecordedWith((chunks) -> chunks.forEach((chunk) -> contents.add(chunk.content())))
			.verifyComplete();
		assertThat(contents).hasSizeGreaterThan(1);
		assertThat(String.join("", contents)).isEqualTo(JOKE);
	}

	// Interface: Async Invoke

	@Test
	void ainvokeCompletesWithTheWholeMessage() {
		StepVerifier.create(this.chain.ainvoke(Map.of("topic", "bears")))
			.assertNext((answer) -> assertThat(answer.content()).isEqualTo(JOKE))
			.verifyComplete();
	}

	// Interface: Async Batch

	@Test
	void abatchCompletesWithOneAnswerPerInput() {
		StepVerifier.create(this.chain.abatch(List.of(Map.of("topic", "bears"))))
			.assertNext((answers) -> assertThat(answers).extracting(AIMessage::content).containsExactly(JOKE))
			.verifyComplete();
	}

	// Interface: Parallelism

	@Test
	void parallelTakesAboutTheSlowerBranchNotTheSum() {
		InFlightProbe probe = new InFlightProbe(slowModel());
		JokeAndPoem seed = new JokeAndPoem(probe);

		long chain1Millis = millis(() -> assertThat(seed.chain1.invoke(Map.of("topic", "bears")).content()).isNotEmpty());
		long chain2Millis = millis(() -> assertThat(seed.chain2.invoke(Map.of("topic", "bears")).content()).isNotEmpty());
		assertThat(probe.maxInFlight()).isEqualTo(1);
		Map<String, Object> output = new java.util.LinkedHashMap<>();
		long combinedMillis = millis(() -> output.putAll(seed.combined.invoke(Map.of("topic", "bears"))));

		assertThat(output.keySet()).containsExactly("joke", "poem");
		assertThat(output.values()).extracting((answer) -> ((AIMessage) answer).content())
			.containsExactlyInAnyOrder(JOKE, POEM);
		assertThat(probe.maxInFlight()).as("both branches in flight at once").isEqualTo(2);
		assertThat(combinedMillis).isGreaterThanOrEqualTo(Math.min(chain1Millis, chain2Millis) - 50)
			.isLessThan(chain1Millis + chain2Millis - 150);
	}

	// Interface: Parallelism on batches

	@Test
	void parallelOnBatchesRunsEveryBranchOfEveryInputConcurrently() {
		InFlightProbe probe = new InFlightProbe(slowModel());
		JokeAndPoem seed = new JokeAndPoem(probe);
		List<Map<String, ?>> inputs = List.of(Map.of("topic", "bears"), Map.of("topic", "cats"));

		long chain1Millis = millis(() -> assertThat(seed.chain1.batch(inputs)).hasSize(2));
		long chain2Millis = millis(() -> assertThat(seed.chain2.batch(inputs)).hasSize(2));
		assertThat(probe.maxInFlight()).isEqualTo(2);
		List<Map<String, Object>> outputs = new ArrayList<>();
		long combinedMillis = millis(() -> outputs.addAll(seed.combined.batch(inputs)));

		assertThat(outputs).hasSize(2).allSatisfy((output) -> assertThat(output).containsOnlyKeys("joke", "poem"));
		assertThat(probe.maxInFlight()).as("two inputs times two branches in flight at once").isEqualTo(4);
		assertThat(combinedMillis).isLessThan(chain1Millis + chain2Millis - 150);
	}

	/** The seed's two chains on one model (a joke and a poem) and the parallel of both. */
	private static final class JokeAndPoem {

		final Runnable<Map<String, ?>, AIMessage> chain1;

		final Runnable<Map<String, ?>, AIMessage> chain2;

		final RunnableParallel<Map<String, ?>> combined;

		JokeAndPoem(ChatModel model) {
			this.chain1 = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}").pipe(model);
			this.chain2 = ChatPromptTemplate.fromTemplate("write a short (2 line) poem about {topic}").pipe(model);
			this.combined = RunnableParallel.<Map<String, ?>>builder()
				.branch("joke", this.chain1)
				.branch("poem", this.chain2)
				.build();
		}

	}

	// Streaming: LLMs and Chat Models

	@Test
	void modelAstreamYieldsMessageChunks() {
		List<AIMessage> chunks = this.model.astream("hello. tell me something about yourself").collectList().block();
		assertThat(chunks).hasSizeGreaterThan(5).allSatisfy((chunk) -> assertThat(chunk).isInstanceOf(AIMessageChunk.class));
		String printed = chunks.stream().map((chunk) -> chunk.content() + "|").collect(Collectors.joining());
		assertThat(printed).startsWith("Why| don't| bears|");
	}

	@Test
	void firstChunkIsAnAIMessageChunkWithPartOfTheAnswer() {
		AIMessage first = this.model.astream("hello. tell me something about yourself").blockFirst();
		assertThat(first).isInstanceOf(AIMessageChunk.class);
		assertThat(first.content()).isEqualTo("Why");
		assertThat(first.id()).startsWith("fake-");
	}

	@Test
	void chunksAddUpToTheMessageSoFar() {
		List<AIMessageChunk> chunks = this.model.astream("hello. tell me something about yourself")
			.cast(AIMessageChunk.class)
			.collectList()
			.block();
		AIMessageChunk soFar = chunks.get(0).add(chunks.get(1)).add(chunks.get(2)).add(chunks.get(3)).add(chunks.get(4));
		assertThat(soFar.content()).isEqualTo("Why don't bears wear shoes?");
		assertThat(soFar.id()).isEqualTo(chunks.get(0).id());
	}

	// Streaming: Chains

	@Test
	void promptModelParserChainStreamsTextChunksThatJoinToTheAnswer() {
		Runnable<Map<String, ?>, String> chain = this.prompt.pipe(this.model).pipe(new StrOutputParser());
		List<String> chunks = chain.astream(Map.of("topic", "parrot")).collectList().block();
		assertThat(chunks).hasSizeGreaterThan(1);
		assertThat(String.join("", chunks)).isEqualTo(JOKE);
		assertThat(chunks.get(0)).isEqualTo("Why");
	}

	@Test
	void promptModelParserChainStreamsBeforeTheModelFinishes() {
		ChatModel slow = FakeStreamingChatModel.builder().responses(JOKE).delay(Duration.ofSeconds(1)).build();
		Runnable<Map<String, ?>, String> chain = this.prompt.pipe(slow).pipe(new StrOutputParser());
		StepVerifier.withVirtualTime(() -> chain.astream(Map.of("topic", "parrot")))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("Why")
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(" don't")
			.thenCancel()
			.verify();
	}

	// Streaming: Working with Input Streams

	@Test
	@SuppressWarnings("unchecked")
	void jsonParserStreamsGrowingPartialObjectsEndingWithTheCompleteDocument() {
		String countries = """
				{
				  "countries": [
				    {"name": "France", "population": 67391582},
				    {"name": "Spain", "population": 47351567},
				    {"name": "Japan", "population": 125584838}
				  ]
				}""";
		ChatModel model = FakeStreamingChatModel.builder().responses(countries).chunkSize(4).build();
		Runnable<Object, Object> chain = model.pipe(new JsonOutputParser());

		List<Object> values = chain.astream("output a list of the countries france, spain and japan and their populations "
				+ "in JSON format. Use a dict with an outer key of \"countries\" which contains a list of countries. "
				+ "Each country should have the key `name` and `population`")
			.collectList()
			.block();

		assertThat(values).hasSizeGreaterThan(10);
		assertThat(values.get(0)).isEqualTo(Map.of());
		int previousCount = 0;
		for (Object value : values) {
			List<Object> list = (List<Object>) ((Map<String, Object>) value).getOrDefault("countries", List.of());
			assertThat(list.size()).isGreaterThanOrEqualTo(previousCount);
			previousCount = list.size();
		}
		assertThat(values).contains(Map.of("countries", List.of(Map.of("name", "Fra"))));
		assertThat(values.get(values.size() - 1)).isEqualTo(Map.of("countries",
				List.of(Map.of("name", "France", "population", 67391582), Map.of("name", "Spain", "population", 47351567),
						Map.of("name", "Japan", "population", 125584838))));
	}

	private static ChatPromptTemplate echoPrompt() {
		return ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
	}

	private static ChatModel slowModel() {
		return FakeStreamingChatModel.builder().responses(JOKE, POEM).chunkSize(20).delay(Duration.ofMillis(100)).build();
	}

	private static long millis(java.lang.Runnable action) {
		long start = System.nanoTime();
		action.run();
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	/**
	 * A model that counts the calls to another model in flight at once: proof that calls overlap.
	 */
	static final class InFlightProbe extends ChatModel {

		private final ChatModel model;

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger maxInFlight = new AtomicInteger();

		InFlightProbe(ChatModel model) {
			this.model = model;
		}

		int maxInFlight() {
			return this.maxInFlight.getAndSet(0);
		}

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
				RunnableConfig config) {
			return this.model.astream(messages, config)
				.cast(AIMessageChunk.class)
				.doOnSubscribe((s) -> this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max))
				.doOnTerminate(this.inFlight::decrementAndGet)
				.doOnCancel(this.inFlight::decrementAndGet);
		}

	}

}
