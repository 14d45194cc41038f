package dev.lcel.autoconfigure.observation;

import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class GenAiMetricsCallbackHandlerTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final RunnableConfig metered = RunnableConfig.builder()
		.callbacks(new GenAiMetricsCallbackHandler(this.registry))
		.build();

	private final Runnable<Map<String, ?>, String> chain = ChatPromptTemplate.fromTemplate("tell me about {topic}")
		.pipe(new CountingModel())
		.pipe(new StrOutputParser());

	@Test
	void modelCallsRecordDurationAndTokensByType() {
		this.chain.invoke(Map.of("topic", "bears"), this.metered);

		assertThat(this.registry.get("gen_ai.client.operation.duration")
			.tag("gen_ai.operation.name", "chat")
			.tag("gen_ai.provider.name", "test")
			.tag("gen_ai.request.model", "counting-1")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "input").summary().totalAmount())
			.isEqualTo(7);
		assertThat(this.registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
			.isEqualTo(3);
	}

	@Test
	void streamsRecordTimeToFirstChunkAndCountAsActiveWhileOpen() {
		StepVerifier.create(this.chain.astream(Map.of("topic", "bears"), this.metered), 1)
			.expectNext("a")
			.then(() -> assertThat(this.registry.get("lcel.streams.active").gauge().value()).isEqualTo(1))
			.thenRequest(2)
			.expectNext("b", "c")
			.verifyComplete();

		assertThat(this.registry.get("gen_ai.client.operation.time_to_first_chunk").timer().count()).isEqualTo(1);
		assertThat(this.registry.get("lcel.streams.active").gauge().value()).isZero();
		assertThat(this.registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", "output").summary().totalAmount())
			.isEqualTo(3);
	}

	/** Streams "a", "b", "c", reporting 7 input and 3 output tokens on the last chunk. */
	static final class CountingModel extends ChatModel {

		@Override
		protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
			return Flux.just(new AIMessageChunk("a"), new AIMessageChunk("b"),
					new AIMessageChunk("c", null, UsageMetadata.of(7, 3), null, null, null));
		}

		@Override
		public String providerName() {
			return "test";
		}

		@Override
		public String modelName() {
			return "counting-1";
		}

	}

}
