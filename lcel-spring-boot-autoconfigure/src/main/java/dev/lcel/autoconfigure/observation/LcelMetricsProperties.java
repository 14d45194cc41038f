package dev.lcel.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * lcel's metrics, under {@code lcel.metrics}.
 *
 * @param enabled Whether to record lcel's metrics (GenAI model metrics, active streams).
 * @param maxTagValues The most values of a name tag (lcel.run.name, gen_ai.request.model) recorded
 * per meter; meters with more are dropped.
 */
@ConfigurationProperties("lcel.metrics")
public record LcelMetricsProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("" + LcelMetricsProperties.DEFAULT_MAX_TAG_VALUES) int maxTagValues) {

	/** The default of {@link #maxTagValues()}, for readers that run without these properties bound. */
	public static final int DEFAULT_MAX_TAG_VALUES = 500;

}
