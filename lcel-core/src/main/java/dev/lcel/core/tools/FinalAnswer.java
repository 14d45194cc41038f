package dev.lcel.core.tools;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ToolCallingAgent} answering with its final answer only: what
 * {@link ToolCallingAgent#finalAnswer()} returns. The agent's run is a child of this one.
 */
final class FinalAnswer extends AbstractRunnable<Object, AIMessage> {

	private final ToolCallingAgent agent;

	FinalAnswer(ToolCallingAgent agent) {
		this.agent = agent;
	}

	@Override
	protected AIMessage doInvoke(Object input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	@Override
	protected Mono<AIMessage> doAinvoke(Object input, RunManager run) {
		return this.agent.ainvoke(input, run.child()).map(AgentTurn::finalAnswer);
	}

	@Override
	protected Flux<AIMessage> doStream(Object input, RunManager run) {
		return this.agent.astream(input, run.child())
			.concatMapIterable(AgentTurn::messages)
			.filter((message) -> message instanceof AIMessageChunk chunk && !chunk.content().isEmpty())
			.map((message) -> {
				AIMessageChunk chunk = (AIMessageChunk) message;
				return new AIMessageChunk(chunk.content(), null, chunk.usageMetadata(), chunk.responseMetadata(), chunk.id(),
						chunk.name());
			});
	}

	@Override
	public String getName() {
		return this.agent.getName();
	}

	@Override
	public ObjectNode inputSchema() {
		return this.agent.inputSchema();
	}

	@Override
	public ObjectNode outputSchema() {
		return MessageSchemas.aiMessage();
	}

}
