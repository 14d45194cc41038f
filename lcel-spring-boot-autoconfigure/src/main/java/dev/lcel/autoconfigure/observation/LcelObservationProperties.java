package dev.lcel.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * lcel's observations, under {@code lcel.observations}.
 */
@ConfigurationProperties("lcel.observations")
public class LcelObservationProperties {

	/** Whether to observe the runs of every chain with the application's ObservationRegistry. */
	private boolean enabled = true;

	/**
	 * Whether every step of a chain is observed (prompts, parsers, lambdas, nested composites), or
	 * only the chain's call and its chat model, tool and retriever calls.
	 */
	private boolean steps = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isSteps() {
		return this.steps;
	}

	public void setSteps(boolean steps) {
		this.steps = steps;
	}

}
