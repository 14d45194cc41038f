package dev.lcel.autoconfigure.chain;

import java.util.List;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code agent} step of a configured chain: a tool-calling loop over a model and its tools.
 *
 * @param model The chat model, by name under lcel.models (empty for the default model).
 * @param tools The tools the model may call: each a chain (chain: NAME) or a bean whose @Tool
 * methods are tools (bean: NAME).
 * @param maxIterations The most model calls in one run; a model still asking for tools after that
 * fails the run.
 * @param failOnToolError Whether a failing tool fails the run, rather than being reported to the
 * model as the tool's result.
 * @param approver A ToolCallApprover bean, by name, that approves each tool call; the
 * application's only ToolCallApprover bean when unset.
 */
public record AgentDefinition(@Nullable String model, List<AgentToolDefinition> tools,
		@DefaultValue("10") int maxIterations, boolean failOnToolError, @Nullable String approver) {

	/** Copy the tools. */
	public AgentDefinition {
		tools = Unmodifiable.list(tools);
	}

}
