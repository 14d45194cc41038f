package dev.lcel.core.models;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;

/**
 * A chat model that answers with scripted responses in turn, whatever it is asked: for tests, demos
 * and offline development. A real component of the library, safe to use concurrently.
 *
 * <p>The first call answers with the first response, the next with the second, and after the last
 * it starts over. Streaming emits the answer one character per chunk, as LangChain's fake model
 * does; for word-sized chunks, delays and token usage use {@link FakeStreamingChatModel}. Bound
 * options are accepted and ignored. A response written with {@link FakeToolCalls#script} asks for
 * tool calls.
 */
public class FakeListChatModel extends ChatModel {

	private final ScriptedResponses responses;

	/**
	 * Create a model that answers with the given responses in turn.
	 * @param responses at least one response
	 * @throws IllegalArgumentException if there is no response
	 */
	public FakeListChatModel(List<String> responses) {
		this.responses = new ScriptedResponses(responses);
	}

	/**
	 * Create a model that answers with the given responses in turn.
	 * @param responses at least one response
	 * @throws IllegalArgumentException if there is no response
	 */
	public FakeListChatModel(String... responses) {
		this(List.of(responses));
	}

	/**
	 * Return the scripted responses.
	 * @return the responses, in the order they are given
	 */
	public List<String> getResponses() {
		return this.responses.all();
	}

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		return Flux.defer(() -> {
			String response = this.responses.next();
			if (FakeToolCalls.isScript(response)) {
				return Flux.just(FakeToolCalls.chunk(response, null));
			}
			return Flux.fromIterable(ScriptedResponses.split(response, 1)).map(AIMessageChunk::new);
		});
	}

	@Override
	public String providerName() {
		return "fake";
	}

	@Override
	public String modelName() {
		return "fake-list";
	}

}
