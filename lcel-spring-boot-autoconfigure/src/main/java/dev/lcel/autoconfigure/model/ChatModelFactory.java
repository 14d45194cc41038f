package dev.lcel.autoconfigure.model;

import java.util.List;

import dev.lcel.core.models.ChatModel;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the chat models of one provider from {@code lcel.models.<name>} properties. Declare a
 * bean to add a provider; the provider's id is what {@code provider:} names.
 */
public interface ChatModelFactory {

	/**
	 * Return the id of the provider, as {@code lcel.models.<name>.provider} names it.
	 * @return the provider id, such as {@code openai}
	 */
	String provider();

	/**
	 * Return the properties a model of this provider cannot do without, by property name (such as
	 * {@code api-key}), when they are missing from {@code properties}; checked only for models a
	 * chain uses.
	 * @param properties the model's properties
	 * @return the names of the missing properties; empty when nothing is missing
	 */
	default List<String> missing(ModelProperties properties) {
		return List.of();
	}

	/**
	 * Check cheaply that the provider of a model is reachable and accepts its credentials, without
	 * spending tokens (listing models, say); used by the health indicator.
	 * @param name the model's name under {@code lcel.models}
	 * @param properties its properties
	 * @param webClient Spring Boot's builder; the factory clones it
	 * @return completes empty when reachable, fails otherwise; by default nothing is checked
	 */
	default Mono<Void> checkReachable(String name, ModelProperties properties, WebClient.Builder webClient) {
		return Mono.empty();
	}

	/**
	 * Create a model.
	 * @param name the model's name under {@code lcel.models}
	 * @param properties its properties
	 * @param webClient Spring Boot's builder, for HTTP metrics and tracing; the factory clones it
	 * @return the model
	 */
	ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient);

}
