package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.parsers.StructuredOutputParser;
import dev.lcel.core.prompts.PromptValue;
import dev.lcel.core.prompts.PromptValueSchemas;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunType;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat model as a step of a chain: takes a conversation and answers with an {@link AIMessage},
 * streaming it as {@link AIMessageChunk}s.
 *
 * <p>The input is a {@code String} (one human message), a {@link PromptValue} (its messages) or a
 * {@code List} of {@link BaseMessage}s; anything else fails with an
 * {@link IllegalArgumentException} naming its type.
 *
 * <p>A subclass implements one method, {@link #streamChunks}, which emits the answer in chunks as
 * the provider produces them. {@link #astream} emits those chunks (each an {@code AIMessage}, so
 * the next step of a chain can stream them); {@link #invoke} and {@link #ainvoke} add them up into
 * one plain {@code AIMessage} (a provider with a cheaper non-streaming call may override
 * {@link #generate}). Each call is a {@code chat_model} run whose chunks are reported as they
 * come. Nothing happens until a returned publisher is subscribed, and cancelling it
 * cancels the call. {@link #bind(Map)} returns the model with parameters such as
 * {@code temperature} applied to every call.
 */
public abstract class ChatModel extends AbstractRunnable<Object, AIMessage> {

	/**
	 * Stream the model's answer to a conversation, chunk by chunk as it is produced.
	 * @param messages the conversation
	 * @param options the call's parameters, those bound with {@link #bind(Map)}
	 * @param config the config of this run
	 * @return the answer's chunks, lazily; cancelling stops the call
	 */
	protected abstract Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options,
			RunnableConfig config);

	/**
	 * Produce the model's whole answer to a conversation. The default adds up
	 * {@link #streamChunks}; an empty stream gives a message with empty content.
	 * @param messages the conversation
	 * @param options the call's parameters
	 * @param config the config of this run
	 * @return the answer, lazily
	 */
	protected Mono<AIMessage> generate(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return ChunkAggregator.aggregate(streamChunks(messages, options, config))
			.map(AIMessageChunk::toMessage)
			.defaultIfEmpty(new AIMessage(""));
	}

	/**
	 * Answer a conversation, blocking until the whole message is ready.
	 * @param input a string, a prompt value or a list of messages
	 * @param run the run of this call
	 * @return the answer
	 */
	@Override
	protected AIMessage doInvoke(Object input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	/**
	 * Answer a conversation. When an event or log stream listens, the answer is streamed and each
	 * chunk reported, as LangChain does, and then added up.
	 */
	@Override
	protected Mono<AIMessage> doAinvoke(Object input, RunManager run) {
		List<BaseMessage> messages = toMessages(input);
		if (!run.watchesChunks()) {
			return generate(messages, ChatOptions.EMPTY, run.child());
		}
		return ChunkAggregator.aggregate(run.reportChunks(streamChunks(messages, ChatOptions.EMPTY, run.child())))
			.map(AIMessageChunk::toMessage)
			.defaultIfEmpty(new AIMessage(""));
	}

	@Override
	protected Flux<AIMessage> doStream(Object input, RunManager run) {
		Flux<AIMessageChunk> chunks = streamChunks(toMessages(input), ChatOptions.EMPTY, run.child());
		return Flux.<AIMessage>from(run.reportChunks(chunks));
	}

	/**
	 * Report the input as LangChain reports a chat model's: {@code {"messages": [[...]]}}, the
	 * conversation as a batch of one.
	 */
	@Override
	protected Object runInput(Object input) {
		try {
			return Map.of("messages", List.of(toMessages(input)));
		}
		catch (IllegalArgumentException ex) {
			return input;
		}
	}

	/**
	 * Return this model with parameters applied to every call: {@code temperature},
	 * {@code max_tokens}, {@code stop}, {@code top_p} and provider-specific ones (see
	 * {@link ChatOptions#from(Map)}). Binding again merges, the later binding winning.
	 * @param arguments the parameters by name
	 * @return the bound model
	 * @throws IllegalArgumentException if a known parameter has a value of the wrong type
	 */
	@Override
	public ChatModel bind(Map<String, ?> arguments) {
		Objects.requireNonNull(arguments, "arguments must not be null");
		return bind(ChatOptions.from(arguments));
	}

	/**
	 * Return this model with the given options applied to every call.
	 * @param options the options
	 * @return the bound model
	 */
	public ChatModel bind(ChatOptions options) {
		Objects.requireNonNull(options, "options must not be null");
		return new BoundChatModel(this, options);
	}

	/**
	 * Return this model with tools it may ask to call: its answers may then carry
	 * {@link AIMessage#toolCalls() tool calls} (streamed as tool-call chunks that merge by index).
	 * @param tools the tools
	 * @return the bound model
	 */
	public ChatModel bindTools(List<ToolDefinition> tools) {
		Objects.requireNonNull(tools, "tools must not be null");
		return bind(ChatOptions.withTools(tools));
	}

	/**
	 * Return this model answering with values of a record or bean type: a runnable that takes this
	 * model's input, asks the model for JSON of the type's schema in its
	 * {@link #defaultStructuredOutputMethod() native mode} and parses the answer, streaming the value
	 * as it fills in. See {@link StructuredOutputRunnable}.
	 * @param <T> the type
	 * @param type the type, whose JSON Schema (with descriptions from {@code @JsonPropertyDescription})
	 * the model is given
	 * @return the runnable
	 */
	public <T> StructuredOutputRunnable<T> withStructuredOutput(Class<T> type) {
		return new StructuredOutputRunnable<>(this, StructuredOutputParser.of(type), defaultStructuredOutputMethod(), 0);
	}

	/**
	 * Return this model answering with maps that conform to a JSON Schema, as
	 * {@link #withStructuredOutput(Class)} does for a type.
	 * @param schema a JSON Schema of an object
	 * @return the runnable
	 * @throws IllegalArgumentException if the schema is not a valid JSON Schema
	 */
	public StructuredOutputRunnable<Map<String, Object>> withStructuredOutput(JsonNode schema) {
		return new StructuredOutputRunnable<>(this, StructuredOutputParser.of(schema), defaultStructuredOutputMethod(), 0);
	}

	/**
	 * Return how {@link #withStructuredOutput(Class)} asks this model by default: the provider's
	 * native mode, {@link StructuredOutputMethod#INSTRUCTIONS} for a model without one.
	 * @return the method
	 */
	public StructuredOutputMethod defaultStructuredOutputMethod() {
		return StructuredOutputMethod.INSTRUCTIONS;
	}

	/**
	 * Return the options that ask this model for an answer of a schema in the given way. A provider
	 * overrides it for its native modes; this default supports {@link StructuredOutputMethod#INSTRUCTIONS}
	 * (no options) and {@link StructuredOutputMethod#TOOL_CALLING} (the schema as the only tool).
	 * @param method how to ask
	 * @param schema the schema as a tool: its name, description and parameters
	 * @return the options to bind
	 * @throws IllegalArgumentException if this model does not support the method
	 */
	protected ChatOptions structuredOutputOptions(StructuredOutputMethod method, ToolDefinition schema) {
		return switch (method) {
			case INSTRUCTIONS -> ChatOptions.EMPTY;
			case TOOL_CALLING -> ChatOptions.withTools(List.of(schema));
			default -> throw unsupported(method, StructuredOutputMethod.INSTRUCTIONS, StructuredOutputMethod.TOOL_CALLING);
		};
	}

	/**
	 * Return the error for a structured-output method this model does not support.
	 * @param method the method asked for
	 * @param supported the methods it supports
	 * @return the error, naming the model and the valid choices
	 */
	protected final IllegalArgumentException unsupported(StructuredOutputMethod method,
			StructuredOutputMethod... supported) {
		return new IllegalArgumentException("Model '" + getName() + "' (" + providerName() + ") has no structured output method "
				+ method.wireName() + "; supported: "
				+ String.join(", ", Arrays.stream(supported).map(StructuredOutputMethod::wireName).toList()));
	}

	/**
	 * Convert a model's input to the conversation it stands for.
	 * @param input a string, a prompt value or a list of messages
	 * @return the messages
	 * @throws IllegalArgumentException for input of another type
	 */
	public static List<BaseMessage> toMessages(Object input) {
		if (input instanceof CharSequence text) {
			return List.of(new HumanMessage(text.toString()));
		}
		if (input instanceof PromptValue prompt) {
			return prompt.toMessages();
		}
		if (input instanceof BaseMessage message) {
			return List.of(message);
		}
		if (input instanceof List<?> list) {
			List<BaseMessage> messages = new ArrayList<>(list.size());
			for (Object element : list) {
				if (!(element instanceof BaseMessage message)) {
					throw new IllegalArgumentException("A chat model's input list must hold only messages, but it holds a "
							+ ((element != null) ? element.getClass().getName() : "null"));
				}
				messages.add(message);
			}
			return messages;
		}
		throw new IllegalArgumentException("A chat model accepts a String, a PromptValue or a List of messages, but was given "
				+ ((input != null) ? "a " + input.getClass().getName() : "null"));
	}

	@Override
	public ObjectNode inputSchema() {
		ObjectNode schema = JsonNodeFactory.instance.objectNode();
		schema.put("title", getName() + "Input");
		ArrayNode anyOf = schema.putArray("anyOf");
		anyOf.addObject().put("type", "string");
		anyOf.add(PromptValueSchemas.stringPromptValue());
		anyOf.add(PromptValueSchemas.chatPromptValue());
		anyOf.add(JsonSchemas.arrayOf(MessageSchemas.message()));
		return schema;
	}

	@Override
	public ObjectNode outputSchema() {
		return MessageSchemas.aiMessage();
	}

	@Override
	public RunType runType() {
		return RunType.CHAT_MODEL;
	}

	/**
	 * Return the name of the provider this model calls, as OpenTelemetry's GenAI conventions name
	 * them ({@code openai}, {@code anthropic}, {@code ollama}).
	 * @return the provider's name
	 */
	public String providerName() {
		return "unknown";
	}

	/**
	 * Return the name of the model this model requests from its provider.
	 * @return the model's name
	 */
	public String modelName() {
		return getName();
	}

	/**
	 * Return the provider and model name ({@code ls_provider}, {@code ls_model_name}), so that every
	 * run of this model carries them in its metadata, as LangChain's do.
	 */
	@Override
	public Map<String, Object> runMetadata() {
		return Map.of("ls_provider", providerName(), "ls_model_name", modelName());
	}

}
