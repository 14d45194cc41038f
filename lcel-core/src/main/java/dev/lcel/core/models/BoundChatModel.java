package dev.lcel.core.models;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat model with options bound to every call: what {@link ChatModel#bind} returns.
 */
final class BoundChatModel extends ForwardingChatModel {

	private final ChatOptions options;

	BoundChatModel(ChatModel model, ChatOptions options) {
		super(model);
		this.options = options;
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return super.streamChunks(messages, this.options.merge(options), config);
	}

	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return super.generate(messages, this.options.merge(options), config);
	}

	@Override
	public ChatModel bind(ChatOptions options) {
		return new BoundChatModel(delegate(), this.options.merge(options));
	}

}
