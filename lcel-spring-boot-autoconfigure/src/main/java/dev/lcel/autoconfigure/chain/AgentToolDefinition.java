package dev.lcel.autoconfigure.chain;

/**
 * One tool of an {@code agent} step: exactly one of {@code chain} and {@code bean}.
 */
public class AgentToolDefinition {

	/** A chain, by name, as a tool: its input schema is the tool's arguments. */
	private String chain;

	/** A bean, by name, whose methods annotated with @Tool are tools. */
	private String bean;

	/** The tool's name, for a chain tool; the chain's name when unset. */
	private String name;

	/** What the tool does, for a chain tool; the chain's description when unset. */
	private String description;

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

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
