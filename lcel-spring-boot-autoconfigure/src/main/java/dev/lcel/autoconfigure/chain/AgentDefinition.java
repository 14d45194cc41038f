package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code agent} step of a configured chain: a tool-calling loop over a model and its tools.
 */
public class AgentDefinition {

	/** The chat model, by name under lcel.models (empty for the default model). */
	private String model;

	/** The tools the model may call: each a chain (chain: NAME) or a bean whose @Tool methods are tools (bean: NAME). */
	private List<AgentToolDefinition> tools = new ArrayList<>();

	/** The most model calls in one run; a model still asking for tools after that fails the run. */
	private int maxIterations = 10;

	/** Whether a failing tool fails the run, rather than being reported to the model as the tool's result. */
	private boolean failOnToolError;

	/** A ToolCallApprover bean, by name, that approves each tool call; the application's only ToolCallApprover bean when unset. */
	private String approver;

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public List<AgentToolDefinition> getTools() {
		return this.tools;
	}

	public void setTools(List<AgentToolDefinition> tools) {
		this.tools = tools;
	}

	public int getMaxIterations() {
		return this.maxIterations;
	}

	public void setMaxIterations(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	public boolean isFailOnToolError() {
		return this.failOnToolError;
	}

	public void setFailOnToolError(boolean failOnToolError) {
		this.failOnToolError = failOnToolError;
	}

	public String getApprover() {
		return this.approver;
	}

	public void setApprover(String approver) {
		this.approver = approver;
	}

}
