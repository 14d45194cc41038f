package dev.lcel.core.tools;

import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.tracing.RunManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the tool calls of one model answer: each approved, run as a {@code tool} run child of the
 * agent's run, at most {@code concurrency} at a time (each on Reactor's bounded elastic scheduler,
 * since tools may block; a round of one call runs where the loop runs), the results in the order
 * of the calls. A
 * failure (an unknown tool, arguments that do not fit, the tool's own error) becomes the call's
 * {@link ToolMessage}, or fails the round when the agent is set to fail on tool errors.
 */
final class ToolCallRound {

	private final Map<String, Tool> tools;

	private final ToolCallApprover approver;

	private final boolean failOnToolError;

	ToolCallRound(Map<String, Tool> tools, ToolCallApprover approver, boolean failOnToolError) {
		this.tools = tools;
		this.approver = approver;
		this.failOnToolError = failOnToolError;
	}

	Mono<List<ToolMessage>> run(List<ToolCall> calls, RunManager run, int concurrency) {
		if (calls.size() == 1) {
			return one(calls.get(0), run).map(List::of);
		}
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> one(call, run).subscribeOn(Schedulers.boundedElastic()), concurrency)
			.collectList();
	}

	private Mono<ToolMessage> one(ToolCall call, RunManager run) {
		Tool tool = this.tools.get(call.name());
		if (tool == null) {
			return failed(call, new ToolException("'" + call.name() + "' is not a tool of this agent; its tools are "
					+ this.tools.keySet()));
		}
		return this.approver.review(call, run.child())
			.defaultIfEmpty(ToolCallDecision.approve())
			.flatMap((decision) -> decision.approved() ? execute(tool, call, run)
					: Mono.just(message(call, "Tool call refused: " + decision.reason())));
	}

	private Mono<ToolMessage> execute(Tool tool, ToolCall call, RunManager run) {
		return tool.ainvoke(call, run.child()).cast(ToolMessage.class).onErrorResume((ex) -> failed(call, ex));
	}

	private Mono<ToolMessage> failed(ToolCall call, Throwable error) {
		if (this.failOnToolError) {
			return Mono.error((error instanceof ToolException) ? error
					: new ToolException("Tool '" + call.name() + "' failed: " + error.getMessage(), error));
		}
		return Mono.just(message(call, "Error: " + error.getMessage() + " Please fix your mistakes."));
	}

	private static ToolMessage message(ToolCall call, String content) {
		return new ToolMessage(content, (call.id() != null) ? call.id() : "", null, call.name());
	}

}
