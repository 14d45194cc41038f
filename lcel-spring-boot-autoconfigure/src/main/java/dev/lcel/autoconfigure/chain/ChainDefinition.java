package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chain of {@code lcel.chains}: a sequence of {@code steps}, or a {@code parallel} of named
 * steps, optionally with a conversation {@code history}.
 */
public class ChainDefinition {

	/** What the chain does, shown in listings. */
	private String description;

	/** The steps of the chain, run one after another. */
	private List<StepDefinition> steps = new ArrayList<>();

	/** Named steps run at once on the same input, producing a map by name. */
	private Map<String, StepDefinition> parallel = new LinkedHashMap<>();

	/** Run the chain as a turn of a conversation, keeping its messages by session id. */
	private HistoryDefinition history;

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<StepDefinition> getSteps() {
		return this.steps;
	}

	public void setSteps(List<StepDefinition> steps) {
		this.steps = steps;
	}

	public Map<String, StepDefinition> getParallel() {
		return this.parallel;
	}

	public void setParallel(Map<String, StepDefinition> parallel) {
		this.parallel = parallel;
	}

	public HistoryDefinition getHistory() {
		return this.history;
	}

	public void setHistory(HistoryDefinition history) {
		this.history = history;
	}

}
