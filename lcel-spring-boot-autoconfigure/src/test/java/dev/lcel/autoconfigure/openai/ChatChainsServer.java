package dev.lcel.autoconfigure.openai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.FakeStreamingChatModel;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.RateLimitException;
import dev.lcel.core.prompts.PromptValue;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.RunInfo;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * The application the OpenAI protocol tests call: configured chains ({@code joke}, {@code chat} with
 * a history, {@code weather} answering with a tool call) and chain beans ({@code assistant}, a
 * model recognised by its input; {@code sampler}, answering with the options its model got;
 * {@code limited}, a rate-limited provider), with the routes under {@code /v1}.
 */
@SpringBootApplication
@PropertySource("classpath:openai/server.properties")
class ChatChainsServer {

	/** A chain that keeps its own history: answers with the texts it was given, joined by {@code |}. */
	@Bean
	Function<PromptValue, String> transcript() {
		return (prompt) -> String.join("|", prompt.toMessages().stream().map(BaseMessage::content).toList());
	}

	@Bean
	Runnable<Object, AIMessage> assistant() {
		return FakeStreamingChatModel.builder()
			.responses("Hello there, I am a chain that streams its answer in small pieces.")
			.chunkSize(4)
			.delay(Duration.ofMillis(20))
			.build();
	}

	@Bean
	Runnable<Object, AIMessage> sampler() {
		return new OptionsEcho().configurableFields(Map.of("temperature", field("llm_temperature", "temperature"),
				"max_tokens", field("llm_max_tokens", "max_tokens"), "stop", field("llm_stop", "stop"), "top_p",
				field("llm_top_p", "top_p")));
	}

	@Bean
	Runnable<Map<String, Object>, AIMessage> weather() {
		return RunnableLambda.of((Map<String, Object> input) -> new AIMessage("",
				List.of(new ToolCall("call_1", "weather", Map.of("city", "Oslo"))), UsageMetadata.of(3, 2), null, null,
				null));
	}

	@Bean
	Runnable<Object, AIMessage> limited() {
		return new ChatModel() {
			@Override
			protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
					RunnableConfig config) {
				return Flux.error(new RateLimitException("openai", 429, "Rate limit reached for gpt on tokens per min",
						true, Duration.ofSeconds(7), null));
			}
		};
	}

	/** Every run's name and type, as the application's observation and metrics handlers see them. */
	@Bean
	RecordingHandler recordingHandler() {
		return new RecordingHandler();
	}

	/** Streams a first piece, then its provider fails. */
	@Bean
	Runnable<Object, String> flaky() {
		return RunnableGenerator.of("flaky", (Flux<Object> in, RunnableConfig config) -> Flux.concat(Flux.just("partial"),
				Flux.error(new ProviderException("openai", 500, "upstream broke with sk-secret", true, null, null))));
	}

	/** Counted down when the {@code endless} chain's stream is cancelled. */
	static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> endlessCancelled =
			new java.util.concurrent.atomic.AtomicReference<>(new java.util.concurrent.CountDownLatch(1));

	/** Streams a piece every 20 ms until its subscriber goes away. */
	@Bean
	Runnable<Object, String> endless() {
		return RunnableGenerator.of("endless", (Flux<Object> in, RunnableConfig config) -> Flux
			.interval(Duration.ofMillis(20))
			.onBackpressureDrop()
			.map((i) -> "t" + i + " ")
			.doOnCancel(() -> endlessCancelled.get().countDown()));
	}

	/** Not a chat chain: takes a string. */
	@Bean
	Runnable<String, String> shout() {
		return RunnableLambda.typed(String.class, String.class, String::toUpperCase);
	}

	private static ConfigurableField field(String id, String name) {
		return new ConfigurableField(id, name, null, null);
	}

	/** Records the runs that end, for the tests to see which handlers a completion reaches. */
	static final class RecordingHandler implements CallbackHandler {

		final java.util.Queue<String> ended = new java.util.concurrent.ConcurrentLinkedQueue<>();

		@Override
		public void onRunEnd(RunInfo run, Object input, Object output) {
			this.ended.add(run.runType().wireName() + " " + run.name() + " " + run.runId() + " " + run.parentIds());
		}

	}

	/** A model that answers with the options it was called with. */
	static final class OptionsEcho extends ChatModel {

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
				RunnableConfig config) {
			return Flux.just(new AIMessageChunk("temperature=" + options.temperature() + " max_tokens="
					+ options.maxTokens() + " stop=" + options.stop() + " top_p=" + options.topP(), null,
					UsageMetadata.of(1, 1), null, null, null));
		}

	}

}
