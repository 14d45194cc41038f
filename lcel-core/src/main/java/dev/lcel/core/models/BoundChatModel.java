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
final class BoundChatModel extends ChatModel {

	private final ChatModel model;

	private final ChatOptions options;

	BoundChatModel(ChatModel model, ChatOptions options) {
		this.model = model;
		this.options = options;
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return this.model.streamChunks(messages, this.options.merge(options), config);
	}

	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return this.model.generate(messages, this.options.merge(options), config);
	}

	@Override
	public ChatModel bind(ChatOptions options) {
		return new BoundChatModel(this.model, this.options.merge(options));
	}

	@Override
	public StructuredOutputMethod defaultStructuredOutputMethod() {
		return this.model.defaultStructuredOutputMethod();
	}

	@Override
	protected ChatOptions structuredOutputOptions(StructuredOutputMethod method, ToolDefinition schema) {
		return this.model.structuredOutputOptions(method, schema);
	}

	@Override
	public String getName() {
		return this.model.getName();
	}

	@Override
	public String providerName() {
		return this.model.providerName();
	}

	@Override
	public String modelName() {
		return this.model.modelName();
	}

}
