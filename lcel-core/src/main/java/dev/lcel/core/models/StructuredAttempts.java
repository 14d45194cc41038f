package dev.lcel.core.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.HumanMessage;
import dev.lcel.core.messages.SystemMessage;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.parsers.OutputParserException;
import dev.lcel.core.parsers.StructuredOutputParser;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One structured-output call: the model asked in its mode, its answer parsed, and on a parsing
 * failure, while retries remain, the failure sent back to the model as a new turn (a tool result
 * for a tool call, else a human message) and the model asked again. Each attempt's model and
 * parser are child runs; attempts after the first are tagged {@code retry:attempt:N}.
 */
final class StructuredAttempts<T> {

	private final ChatModel model;

	private final StructuredOutputParser<T> parser;

	private final String instructions;

	private final int maxRetries;

	StructuredAttempts(ChatModel model, StructuredOutputParser<T> parser, String instructions, int maxRetries) {
		this.model = model;
		this.parser = parser;
		this.instructions = instructions;
		this.maxRetries = maxRetries;
	}

	/** The conversation to send: the input's, after the format instructions when the mode needs them. */
	List<BaseMessage> messages(Object input) {
		List<BaseMessage> messages = ChatModel.toMessages(input);
		if (this.instructions == null) {
			return messages;
		}
		List<BaseMessage> withInstructions = new ArrayList<>(messages.size() + 1);
		withInstructions.add(new SystemMessage(this.instructions));
		withInstructions.addAll(messages);
		return withInstructions;
	}

	/** Answer with the raw message and the value, or the last parsing error when no attempt parsed. */
	Mono<StructuredResult<T>> invoke(List<BaseMessage> messages, int attempt, RunManager run) {
		RunnableConfig config = config(run, attempt);
		return this.model.ainvoke(messages, config)
			.flatMap((raw) -> this.parser.ainvoke(raw, config)
				.map((value) -> new StructuredResult<>(raw, value, null))
				.onErrorResume(OutputParserException.class,
						(ex) -> (attempt <= this.maxRetries) ? invoke(feedback(messages, raw, ex), attempt + 1, run)
								: Mono.just(new StructuredResult<>(raw, null, ex))));
	}

	/** Stream the value as it fills in; a retried attempt starts its value again. */
	Flux<T> stream(List<BaseMessage> messages, int attempt, RunManager run) {
		return Flux.defer(() -> {
			RunnableConfig config = config(run, attempt);
			AtomicReference<AIMessageChunk> raw = new AtomicReference<>();
			Flux<Object> chunks = this.model.astream(messages, config)
				.doOnNext((chunk) -> raw.accumulateAndGet(asChunk(chunk), (sum, next) -> (sum == null) ? next : sum.add(next)))
				.cast(Object.class);
			return this.parser.transform(chunks, config)
				.onErrorResume(OutputParserException.class, (ex) -> {
					if (attempt > this.maxRetries) {
						return Flux.error(ex);
					}
					AIMessage answer = (raw.get() != null) ? raw.get().toMessage() : new AIMessage("");
					return stream(feedback(messages, answer, ex), attempt + 1, run);
				});
		});
	}

	private static AIMessageChunk asChunk(AIMessage message) {
		return (message instanceof AIMessageChunk chunk) ? chunk
				: new AIMessageChunk(message.content(), null, message.usageMetadata(), message.responseMetadata(),
						message.id(), null);
	}

	private static RunnableConfig config(RunManager run, int attempt) {
		return (attempt == 1) ? run.child() : run.child("retry:attempt:" + attempt);
	}

	/** The conversation of the next attempt: this one's, its answer, and what was wrong with it. */
	private static List<BaseMessage> feedback(List<BaseMessage> messages, AIMessage answer, OutputParserException ex) {
		List<BaseMessage> next = new ArrayList<>(messages.size() + 2);
		next.addAll(messages);
		next.add(answer);
		String problems = ex.getErrors().isEmpty() ? ex.getMessage() : String.join("; ", ex.getErrors());
		String text = "Your answer could not be used: " + problems
				+ ". Answer again, with only JSON that conforms to the schema.";
		if (!answer.toolCalls().isEmpty()) {
			next.add(new ToolMessage(text, answer.toolCalls().get(0).id()));
		}
		else {
			next.add(new HumanMessage(text));
		}
		return next;
	}

}
