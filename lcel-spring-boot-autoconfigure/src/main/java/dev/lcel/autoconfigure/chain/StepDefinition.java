package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.model.RetryProperties;

/**
 * One step of a configured chain. Exactly one of the step kinds is set; {@code retry} and
 * {@code fallbacks} may accompany any of them.
 */
public class StepDefinition {

	/** A prompt template with {variables}, rendered as one human message. */
	private String prompt;

	/** A chat prompt: entries of role to template (system, human, ai), or placeholder / optional-placeholder to a variable holding messages. */
	private List<Map<String, String>> messages = new ArrayList<>();

	/** A chat model by name under lcel.models (empty for the default model), or alternatives chosen per call. */
	private ModelChoice model;

	/** Arguments bound to the model for this step: temperature, max_tokens, stop, top_p. */
	private Map<String, Object> bind = new LinkedHashMap<>();

	/** On a model step: answer with values of a Java type or a JSON Schema, streamed as they fill in. */
	private OutputDefinition output;

	/** An output parser: str, json, or list. */
	private String parser;

	/** Another chain, by name: a configured chain or a Runnable bean. */
	private String chain;

	/** A Spring bean, by name, that is a Runnable or a java.util.function.Function. */
	private String bean;

	/** Named steps run at once on this step's input, producing a map by name. */
	private Map<String, StepDefinition> parallel = new LinkedHashMap<>();

	/** Pass the input through unchanged. */
	private Boolean passthrough;

	/** Keys added to a map input, each computed by a step from that input. */
	private Map<String, StepDefinition> assign = new LinkedHashMap<>();

	/** Keys picked from a map input: the value for one key, a map for several. */
	private List<String> pick = new ArrayList<>();

	/** Conditions tried in order, and the step taken when none holds. */
	private BranchDefinition branch;

	/** A tool-calling loop: a model, the tools it may call, and the most model calls in one run. */
	private AgentDefinition agent;

	/** Retry the step when it fails. */
	private RetryProperties retry;

	/** Steps tried in order when this step fails. */
	private List<StepDefinition> fallbacks = new ArrayList<>();

	public String getPrompt() {
		return this.prompt;
	}

	public void setPrompt(String prompt) {
		this.prompt = prompt;
	}

	public List<Map<String, String>> getMessages() {
		return this.messages;
	}

	public void setMessages(List<Map<String, String>> messages) {
		this.messages = messages;
	}

	public ModelChoice getModel() {
		return this.model;
	}

	public void setModel(ModelChoice model) {
		this.model = model;
	}

	public Map<String, Object> getBind() {
		return this.bind;
	}

	public void setBind(Map<String, Object> bind) {
		this.bind = bind;
	}

	public OutputDefinition getOutput() {
		return this.output;
	}

	public void setOutput(OutputDefinition output) {
		this.output = output;
	}

	public String getParser() {
		return this.parser;
	}

	public void setParser(String parser) {
		this.parser = parser;
	}

	public String getChain() {
		return this.chain;
	}

	public void setChain(String chain) {
		this.chain = chain;
	}

	public String getBean() {
		return this.bean;
	}

	public void setBean(String bean) {
		this.bean = bean;
	}

	public Map<String, StepDefinition> getParallel() {
		return this.parallel;
	}

	public void setParallel(Map<String, StepDefinition> parallel) {
		this.parallel = parallel;
	}

	public Boolean getPassthrough() {
		return this.passthrough;
	}

	public void setPassthrough(Boolean passthrough) {
		this.passthrough = passthrough;
	}

	public Map<String, StepDefinition> getAssign() {
		return this.assign;
	}

	public void setAssign(Map<String, StepDefinition> assign) {
		this.assign = assign;
	}

	public List<String> getPick() {
		return this.pick;
	}

	public void setPick(List<String> pick) {
		this.pick = pick;
	}

	public BranchDefinition getBranch() {
		return this.branch;
	}

	public void setBranch(BranchDefinition branch) {
		this.branch = branch;
	}

	public AgentDefinition getAgent() {
		return this.agent;
	}

	public void setAgent(AgentDefinition agent) {
		this.agent = agent;
	}

	public RetryProperties getRetry() {
		return this.retry;
	}

	public void setRetry(RetryProperties retry) {
		this.retry = retry;
	}

	public List<StepDefinition> getFallbacks() {
		return this.fallbacks;
	}

	public void setFallbacks(List<StepDefinition> fallbacks) {
		this.fallbacks = fallbacks;
	}

}
