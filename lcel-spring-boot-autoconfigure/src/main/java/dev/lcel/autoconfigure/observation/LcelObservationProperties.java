package dev.lcel.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * lcel's observations, under {@code lcel.observations}.
 *
 * @param enabled Whether to observe the runs of every chain with the application's
 * ObservationRegistry.
 * @param steps Whether every step of a chain is observed (prompts, parsers, lambdas, nested
 * composites), or only the chain's call and its chat model, tool and retriever calls.
 */
@ConfigurationProperties("lcel.observations")
public record LcelObservationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean steps) {

}
