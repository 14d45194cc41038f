package dev.lcel.core.tools;

import java.util.Objects;
import java.util.function.Function;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.ToolCall;
import dev.lcel.core.messages.ToolMessage;
import reactor.core.publisher.Mono;

/**
 * Decides, before it runs, whether a tool call a model asked for may run: a
 * {@link ToolCallingAgent} asks it about every call, and a refused call is not run; the model
 * is told the refusal's reason in the call's {@link ToolMessage} instead.
 * In Spring Boot, a bean of this type is the approver of the agents declared in YAML.
 *
 * <p>The decision is asynchronous, so an approver may ask someone or something slow without
 * holding a thread; an approver that fails fails the agent's run.
 */
@FunctionalInterface
public interface ToolCallApprover {

	/**
	 * Decide about one tool call.
	 * @param call the call, with its arguments
	 * @param config the config of the agent's run (its {@code configurable} values, metadata, ...)
	 * @return the decision, lazily
	 */
	Mono<ToolCallDecision> review(ToolCall call, RunnableConfig config);

	/**
	 * Return the approver that runs every call.
	 * @return the approver
	 */
	static ToolCallApprover approveAll() {
		return (call, config) -> Mono.just(ToolCallDecision.approve());
	}

	/**
	 * Return an approver that decides at once, on the calling thread, by a function that must not block.
	 * @param decide the decision for a call
	 * @return the approver
	 */
	static ToolCallApprover of(Function<ToolCall, ToolCallDecision> decide) {
		Objects.requireNonNull(decide, "decide must not be null");
		return (call, config) -> Mono.fromSupplier(() -> decide.apply(call));
	}

}
