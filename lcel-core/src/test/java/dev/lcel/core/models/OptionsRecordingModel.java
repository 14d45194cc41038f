package dev.lcel.core.models;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.UsageMetadata;
import reactor.core.publisher.Flux;

/**
 * A chat model for tests that records the options of every call and answers each with "Hello!" in
 * two chunks ({@code Hel}, then {@code lo!} with usage 3 in, 2 out), both with the id {@code id}.
 */
public final class OptionsRecordingModel extends ChatModel {

	/** The options of every call, in the order of the calls. */
	public final List<ChatOptions> seen = new CopyOnWriteArrayList<>();

	@Override
	protected Flux<AIMessageChunk> streamChunks(List<BaseMessage> messages, ChatOptions options, RunnableConfig config) {
		this.seen.add(options);
		return Flux.just(new AIMessageChunk("Hel", null, null, null, "id", null),
				new AIMessageChunk("lo!", null, UsageMetadata.of(3, 2), null, "id", null));
	}

}
