package dev.lcel.core.governance;

import java.util.List;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.UsageMetadata;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ForwardingChatModel;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A model whose every call passes a {@link ModelCallGate}: admitted before it starts, released with
 * the usage the provider reported once it completes, fails or is cancelled.
 */
final class GatedChatModel extends ForwardingChatModel {

	private final ModelCallGate gate;

	GatedChatModel(ChatModel delegate, ModelCallGate gate) {
		super(delegate);
		this.gate = gate;
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return gated(messages, config, (usage) -> super.streamChunks(messages, options, config)
			.doOnNext((chunk) -> usage.add(chunk.usageMetadata())));
	}

	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return gated(messages, config, (usage) -> super.generate(messages, options, config)
			.doOnNext((message) -> usage.add(message.usageMetadata()))).singleOrEmpty();
	}

	/**
	 * Run a call once the gate admits it, releasing the admission with the usage the call added up
	 * when it completes, fails or is cancelled.
	 */
	private <T> Flux<T> gated(List<BaseMessage> messages, RunnableConfig config, Function<Usage, Publisher<T>> call) {
		return Flux.defer(() -> {
			Usage usage = new Usage();
			return Flux.usingWhen(this.gate.admit(messages, config), (admission) -> call.apply(usage),
					(admission) -> admission.release(usage.total),
					(admission, error) -> admission.release(usage.total),
					(admission) -> admission.release(usage.total));
		});
	}

	/** The usage of one call, summed over its chunks. */
	private static final class Usage {

		private volatile @Nullable UsageMetadata total;

		void add(@Nullable UsageMetadata usage) {
			if (usage != null) {
				UsageMetadata current = this.total;
				this.total = (current != null) ? current.add(usage) : usage;
			}
		}

	}

}
