package dev.lcel.autoconfigure.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chain of {@code lcel.chains}: a sequence of {@code steps}, or a {@code parallel} of named
 * steps.
 */
public class ChainDefinition {

	/** What the chain does, shown in listings. */
	private String description;

	/** The steps of the chain, run one after another. */
	private List<StepDefinition> steps = new ArrayList<>();

	/** Named steps run at once on the same input, producing a map by name. */
	private Map<String, StepDefinition> parallel = new LinkedHashMap<>();

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

}
