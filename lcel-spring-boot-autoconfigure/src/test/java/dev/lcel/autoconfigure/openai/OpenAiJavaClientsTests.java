package dev.lcel.autoconfigure.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.RateLimitException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.models.openai.OpenAiChatModel;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Java clients of the {@code /v1} routes: OpenAI's own Java SDK ({@code com.openai:openai-java})
 * lists the models, completes, streams with usage, keeps a conversation and reads errors; and
 * lcel's {@link OpenAiChatModel} uses a served chain as its model inside another chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ChatChainsServer.class)
class OpenAiJavaClientsTests {

	@LocalServerPort
	private int port;

	private OpenAIClient sdk;

	@BeforeEach
	void sdk() {
		this.sdk = OpenAIOkHttpClient.builder().baseUrl(base()).apiKey("not-checked").maxRetries(0).build();
	}

	@AfterEach
	void close() {
		this.sdk.close();
	}

	private String base() {
		return "http://localhost:" + this.port + "/v1";
	}

	@Test
	void javaSdkListsTheModels() {
		List<String> ids = this.sdk.models().list().data().stream().map(Model::id).toList();
		assertThat(ids).contains("joke", "chat", "assistant", "sampler").doesNotContain("shout");
		assertThat(this.sdk.models().retrieve("joke").ownedBy()).isEqualTo("lcel");
	}

	@Test
	void javaSdkCompletesWithUsage() {
		ChatCompletion completion = this.sdk.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder().model("joke").addUserMessage("bears").build());
		assertThat(completion.choices().get(0).message().content()).hasValue("Why do bears have hairy coats? Fur protection!");
		assertThat(completion.usage().map(CompletionUsage::completionTokens)).hasValue(16L);
	}

	@Test
	void javaSdkStreamsIncrementallyWithUsage() {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("assistant")
			.addUserMessage("hi")
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
		List<String> pieces = new ArrayList<>();
		List<Long> arrivals = new ArrayList<>();
		AtomicReference<CompletionUsage> usage = new AtomicReference<>();
		try (StreamResponse<ChatCompletionChunk> stream = this.sdk.chat().completions().createStreaming(params)) {
			stream.stream().forEach((chunk) -> {
				chunk.usage().ifPresent(usage::set);
				chunk.choices().stream().flatMap((choice) -> choice.delta().content().stream())
					.filter((text) -> !text.isEmpty())
					.forEach((text) -> {
						pieces.add(text);
						arrivals.add(System.nanoTime());
					});
			});
		}
		assertThat(String.join("", pieces)).isEqualTo("Hello there, I am a chain that streams its answer in small pieces.");
		assertThat(pieces).hasSizeGreaterThan(10);
		// The model waits between pieces: the first was read while the later ones were still being made.
		assertThat(arrivals.get(0)).isLessThan(arrivals.get(arrivals.size() - 1));
		assertThat(usage.get().completionTokens()).isEqualTo(17L);
	}

	@Test
	void javaSdkKeepsAConversationByUser() {
		String user = UUID.randomUUID().toString();
		this.sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("chat").user(user)
			.addUserMessage("I am Ada").build());
		ChatCompletion second = this.sdk.chat().completions().create(ChatCompletionCreateParams.builder().model("chat")
			.user(user).addUserMessage("who am I?").build());
		assertThat(second.choices().get(0).message().content())
			.hasValue("You are brief.|I am Ada|You are brief.|I am Ada|who am I?");
	}

	@Test
	void javaSdkReadsErrors() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> this.sdk.chat().completions()
				.create(ChatCompletionCreateParams.builder().model("gtp-4").addUserMessage("x").build()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.code()).hasValue("model_not_found");
				assertThat(ex.param()).hasValue("model");
			});
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> this.sdk.chat().completions()
				.create(ChatCompletionCreateParams.builder().model("limited").addUserMessage("x").build()))
			.satisfies((ex) -> {
				assertThat(ex.code()).hasValue("rate_limit_exceeded");
				assertThat(ex.headers().values("Retry-After")).containsExactly("7");
			});
	}

	@Test
	void lcelOpenAiChatModelUsesAServedChainAsItsModel() {
		OpenAiChatModel joke = OpenAiChatModel.builder().baseUrl(base()).model("joke").build();
		Runnable<java.util.Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("{animal}")
			.pipe(joke)
			.pipe(new StrOutputParser());
		assertThat(chain.invoke(java.util.Map.of("animal", "bears"))).isEqualTo("Why do bears have hairy coats? Fur protection!");
		List<AIMessage> chunks = new ArrayList<>();
		StepVerifier.create(OpenAiChatModel.builder().baseUrl(base()).model("assistant").build().astream("hi"))
			.recordWith(() -> chunks)
			.thenConsumeWhile((chunk) -> true)
			.verifyComplete();
		assertThat(chunks).hasSizeGreaterThan(10);
		AIMessageChunk total = ((AIMessageChunk) chunks.get(0)).addAll(chunks.subList(1, chunks.size()).stream()
			.map(AIMessageChunk.class::cast).toList());
		assertThat(total.content()).isEqualTo("Hello there, I am a chain that streams its answer in small pieces.");
		assertThat(total.usageMetadata().outputTokens()).isEqualTo(17);
	}

}
