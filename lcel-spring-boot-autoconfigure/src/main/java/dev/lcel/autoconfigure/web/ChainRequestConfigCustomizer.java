package dev.lcel.autoconfigure.web;

import dev.lcel.core.config.RunnableConfig;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Adjusts the config of each chain request after the client's allow-listed keys are read: declare
 * a bean to add what the server knows and the client must not choose, such as the authenticated
 * user in {@code metadata} or a tenant's model in {@code configurable}.
 */
@FunctionalInterface
public interface ChainRequestConfigCustomizer {

	/**
	 * Return the config a request runs with.
	 * @param chain the name of the requested chain
	 * @param request the HTTP request
	 * @param config the config read from the client (allow-listed keys only)
	 * @return the config to run with
	 */
	RunnableConfig customize(String chain, ServerRequest request, RunnableConfig config);

}
