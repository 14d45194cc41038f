package dev.lcel.core.models;

import java.util.List;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat model that forwards every call to another one: the base of models that add something
 * around a provider's calls (a limit, a cache, a count) while keeping its name, provider, model
 * name and structured-output modes.
 *
 * <p>A subclass overrides both {@link #streamChunks} (streamed calls, and calls an event or log
 * stream watches) and {@link #generate} (the other invoked calls, which reach the wrapped model's
 * own, possibly cheaper, whole-answer call), calling {@code super} for the wrapped model's answer. The wrapped model's calls are not runs of their own: the forwarding
 * model is the one {@code chat_model} run of each call.
 */
public abstract class ForwardingChatModel extends ChatModel {

	private final ChatModel delegate;

	/**
	 * Create a model that forwards to the given one.
	 * @param delegate the model to call
	 */
	protected ForwardingChatModel(ChatModel delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
	}

	/**
	 * Return the model this one forwards to.
	 * @return the wrapped model
	 */
	protected final ChatModel delegate() {
		return this.delegate;
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return this.delegate.streamChunks(messages, options, config);
	}

	@Override
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return this.delegate.generate(messages, options, config);
	}

	@Override
	public StructuredOutputMethod defaultStructuredOutputMethod() {
		return this.delegate.defaultStructuredOutputMethod();
	}

	@Override
	protected ChatOptions structuredOutputOptions(StructuredOutputMethod method, ToolDefinition schema) {
		return this.delegate.structuredOutputOptions(method, schema);
	}

	@Override
	public String getName() {
		return this.delegate.getName();
	}

	@Override
	public String providerName() {
		return this.delegate.providerName();
	}

	@Override
	public String modelName() {
		return this.delegate.modelName();
	}

}
