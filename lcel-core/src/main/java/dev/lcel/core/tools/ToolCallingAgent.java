package dev.lcel.core.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.messages.MessageSchemas;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.ChunkAggregator;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.schema.JsonSchemas;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool-calling loop as a runnable (LangChain's prebuilt agent): calls a chat model with its
 * tools bound; when the answer asks for tool calls, runs them (the calls of one answer
 * concurrently, at most {@code maxConcurrency} at a time, results in the order of the calls),
 * appends the answer and the {@link ToolMessage}s to the conversation and calls the model again,
 * until it answers without tool calls. Its output is the {@link AgentTurn}: the messages the loop
 * added, ending with the final answer; {@link #finalAnswer()} is the same loop answering with
 * just that.
 *
 * <p><b>Input</b>: what a chat model takes (a string, a prompt value, a list of messages).
 *
 * <p><b>Limits</b>: at most {@link Builder#maxModelCalls(int) maxModelCalls} model calls (10 by
 * default); when the last allowed call still asks for tools, the run fails with a
 * {@link ToolException} naming the limit. Tool calls of one answer run at most
 * {@code RunnableConfig.maxConcurrency} at a time, or {@link Builder#maxConcurrency(int)} (4 by
 * default) when the config sets none.
 *
 * <p><b>Failures</b>: a tool that fails, a call of an unknown tool, or arguments that do not fit
 * become a {@link ToolMessage} with the error's text by default, so the model may recover; with
 * {@link Builder#failOnToolError(boolean)} they fail the run with a {@link ToolException} instead.
 * A call its {@link ToolCallApprover} refuses is not run; its message says why.
 *
 * <p><b>Streaming</b>: every model call streams, its chunks emitted as they come (as turns of one
 * chunk each), the tool messages of a round as one turn once all of its calls are done. Tool runs
 * are {@code tool} runs, children of this run, so {@code astreamEvents} shows their
 * {@code on_tool_start} and {@code on_tool_end}. Cancelling stops the loop, the model call and
 * any running tool.
 */
public final class ToolCallingAgent extends AbstractRunnable<Object, AgentTurn> {

	private final ChatModel model;

	private final Map<String, Tool> tools;

	private final int maxModelCalls;

	private final int maxConcurrency;

	private final boolean failOnToolError;

	private final ToolCallApprover approver;

	private final String name;

	private ToolCallingAgent(Builder builder) {
		this.tools = new LinkedHashMap<>();
		List<ToolDefinition> definitions = new ArrayList<>();
		for (Tool tool : builder.tools) {
			if (this.tools.put(tool.name(), tool) != null) {
				throw new IllegalArgumentException("Two tools are named '" + tool.name() + "'");
			}
			definitions.add(tool.definition());
		}
		this.model = builder.model.bindTools(definitions);
		this.maxModelCalls = builder.maxModelCalls;
		this.maxConcurrency = builder.maxConcurrency;
		this.failOnToolError = builder.failOnToolError;
		this.approver = builder.approver;
		this.name = builder.name;
	}

	/**
	 * Return a builder of an agent over {@code model}.
	 * @param model the chat model; the tools are bound to it
	 * @return the builder
	 */
	public static Builder builder(ChatModel model) {
		return new Builder(model);
	}

	/**
	 * Return this loop answering with just its final answer: {@code invoke} gives the last
	 * {@link AIMessage}, {@code astream} the text chunks of the model's answers as they come
	 * (answers that only ask for tools have none, so with most providers these are the final
	 * answer's tokens; text a model writes before its tool calls in the same answer streams too).
	 * @return the runnable
	 */
	public Runnable<Object, AIMessage> finalAnswer() {
		return new FinalAnswer(this);
	}

	/**
	 * Return the tools, by name.
	 * @return the tools
	 */
	public Map<String, Tool> tools() {
		return Map.copyOf(this.tools);
	}

	@Override
	protected AgentTurn doInvoke(Object input, RunManager run) {
		return await(doAinvoke(input, run));
	}

	@Override
	protected Mono<AgentTurn> doAinvoke(Object input, RunManager run) {
		return Mono.defer(() -> {
			List<BaseMessage> conversation = new ArrayList<>(ChatModel.toMessages(input));
			return invokeLoop(conversation, new ArrayList<>(), 1, run);
		});
	}

	private Mono<AgentTurn> invokeLoop(List<BaseMessage> conversation, List<BaseMessage> turn, int call,
			RunManager run) {
		return this.model.ainvoke(List.copyOf(conversation), run.child()).flatMap((answer) -> {
			conversation.add(answer);
			turn.add(answer);
			if (answer.toolCalls().isEmpty()) {
				return Mono.just(new AgentTurn(turn));
			}
			return checkLimit(call).then(runTools(answer, run)).flatMap((results) -> {
				conversation.addAll(results);
				turn.addAll(results);
				return invokeLoop(conversation, turn, call + 1, run);
			});
		});
	}

	@Override
	protected Flux<AgentTurn> doStream(Object input, RunManager run) {
		return Flux.defer(() -> streamLoop(new ArrayList<>(ChatModel.toMessages(input)), 1, run));
	}

	private Flux<AgentTurn> streamLoop(List<BaseMessage> conversation, int call, RunManager run) {
		ChunkAggregator answer = new ChunkAggregator();
		Flux<AgentTurn> tokens = this.model.astream(List.copyOf(conversation), run.child())
			.map(ToolCallingAgent::chunk)
			.doOnNext(answer::add)
			.map(AgentTurn::of);
		Flux<AgentTurn> rest = Flux.defer(() -> {
			AIMessage whole = answer.isEmpty() ? new AIMessage("") : ((AIMessageChunk) answer.current()).toMessage();
			if (whole.toolCalls().isEmpty()) {
				return Flux.empty();
			}
			conversation.add(whole);
			return checkLimit(call).then(runTools(whole, run)).flatMapMany((results) -> {
				conversation.addAll(results);
				return Flux.concat(Mono.just(new AgentTurn(List.<BaseMessage>copyOf(results))), streamLoop(conversation, call + 1, run));
			});
		});
		return Flux.concat(tokens, rest);
	}

	private static AIMessageChunk chunk(AIMessage message) {
		return (message instanceof AIMessageChunk chunk) ? chunk
				: new AIMessageChunk(message.content(), null, message.usageMetadata(), message.responseMetadata(),
						message.id(), message.name());
	}

	private Mono<Void> checkLimit(int call) {
		if (call < this.maxModelCalls) {
			return Mono.empty();
		}
		return Mono.error(new ToolException("The agent '" + getName() + "' reached its limit of " + this.maxModelCalls
				+ " model calls (maxModelCalls, max-iterations in YAML) and the model still asks for tools; raise the limit "
				+ "or give the model what it needs to answer"));
	}

	private Mono<List<ToolMessage>> runTools(AIMessage answer, RunManager run) {
		int concurrency = (run.child().maxConcurrency() != null) ? run.child().maxConcurrency() : this.maxConcurrency;
		return new ToolCallRound(this.tools, this.approver, this.failOnToolError).run(answer.toolCalls(), run,
				concurrency);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public ObjectNode inputSchema() {
		ObjectNode schema = this.model.inputSchema();
		schema.put("title", getName() + "Input");
		return schema;
	}

	@Override
	public ObjectNode outputSchema() {
		ObjectNode schema = JsonSchemas.object(getName() + "Output",
				Map.of("messages", JsonSchemas.arrayOf(MessageSchemas.message())), List.of("messages"));
		return schema;
	}

	/**
	 * Builds a {@link ToolCallingAgent}.
	 */
	public static final class Builder {

		private final ChatModel model;

		private final List<Tool> tools = new ArrayList<>();

		private int maxModelCalls = 10;

		private int maxConcurrency = 4;

		private boolean failOnToolError;

		private ToolCallApprover approver = ToolCallApprover.approveAll();

		private String name = "agent";

		private Builder(ChatModel model) {
			this.model = Objects.requireNonNull(model, "model must not be null");
		}

		/**
		 * Add tools the model may call.
		 * @param tools the tools
		 * @return this builder
		 */
		public Builder tools(Tool... tools) {
			return tools(List.of(tools));
		}

		/**
		 * Add tools the model may call.
		 * @param tools the tools
		 * @return this builder
		 */
		public Builder tools(List<Tool> tools) {
			Objects.requireNonNull(tools, "tools must not be null");
			tools.forEach((tool) -> this.tools.add(Objects.requireNonNull(tool, "tools must not hold null")));
			return this;
		}

		/**
		 * Set the most model calls in one run (10 by default).
		 * @param maxModelCalls at least 1
		 * @return this builder
		 */
		public Builder maxModelCalls(int maxModelCalls) {
			if (maxModelCalls < 1) {
				throw new IllegalArgumentException("maxModelCalls must be at least 1, was " + maxModelCalls);
			}
			this.maxModelCalls = maxModelCalls;
			return this;
		}

		/**
		 * Set how many tool calls of one answer run at once when the run's config sets no
		 * {@code maxConcurrency} (4 by default).
		 * @param maxConcurrency at least 1
		 * @return this builder
		 */
		public Builder maxConcurrency(int maxConcurrency) {
			if (maxConcurrency < 1) {
				throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
			}
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Fail the run when a tool fails, instead of telling the model the error (the default).
		 * @param failOnToolError whether a tool failure fails the run
		 * @return this builder
		 */
		public Builder failOnToolError(boolean failOnToolError) {
			this.failOnToolError = failOnToolError;
			return this;
		}

		/**
		 * Set what approves each tool call before it runs (every call by default).
		 * @param approver the approver
		 * @return this builder
		 */
		public Builder approver(ToolCallApprover approver) {
			this.approver = Objects.requireNonNull(approver, "approver must not be null");
			return this;
		}

		/**
		 * Set the agent's name, in run trees and events ({@code agent} by default).
		 * @param name the name
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = Objects.requireNonNull(name, "name must not be null");
			return this;
		}

		/**
		 * Build the agent.
		 * @return the agent
		 * @throws IllegalArgumentException if two tools have one name
		 */
		public ToolCallingAgent build() {
			return new ToolCallingAgent(this);
		}

	}

}
