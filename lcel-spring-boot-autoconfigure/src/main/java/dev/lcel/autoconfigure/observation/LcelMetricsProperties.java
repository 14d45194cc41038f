package dev.lcel.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * lcel's metrics, under {@code lcel.metrics}.
 */
@ConfigurationProperties("lcel.metrics")
public class LcelMetricsProperties {

	/** Whether to record lcel's metrics (GenAI model metrics, active streams). */
	private boolean enabled = true;

	/** The most values of a name tag (lcel.run.name, gen_ai.request.model) recorded per meter; meters with more are dropped. */
	private int maxTagValues = 500;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxTagValues() {
		return this.maxTagValues;
	}

	public void setMaxTagValues(int maxTagValues) {
		this.maxTagValues = maxTagValues;
	}

}
