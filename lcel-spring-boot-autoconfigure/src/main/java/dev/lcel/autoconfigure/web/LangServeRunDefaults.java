package dev.lcel.autoconfigure.web;

import dev.lcel.core.config.RunnableConfig;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Gives every chain request LangServe's run defaults, so that the events and run logs a client
 * reads are those LangServe would send for the same chain: the root run is named after the chain's
 * path ({@code /chains/joke}), whatever {@code run_name} the client sent, and its metadata carries
 * the client's {@code __useragent} and the {@code __langserve_endpoint} it called ({@code invoke},
 * {@code stream_events}, ...). Runs before the application's own customizers, which may change it.
 */
final class LangServeRunDefaults implements ChainRequestConfigCustomizer {

	private final String basePath;

	LangServeRunDefaults(String basePath) {
		this.basePath = basePath;
	}

	@Override
	public RunnableConfig customize(String chain, ServerRequest request, RunnableConfig config) {
		RunnableConfig.Builder builder = config.toBuilder();
		apply(chain, request, builder);
		return builder.build();
	}

	/**
	 * Set the defaults on a config being built: what {@link #customize} does, without building a
	 * config of its own (the request reader builds each request's config once).
	 * @param chain the name of the requested chain
	 * @param request the HTTP request
	 * @param builder the config being built
	 */
	void apply(String chain, ServerRequest request, RunnableConfig.Builder builder) {
		String path = request.path();
		builder.runName(this.basePath + "/" + chain);
		String userAgent = request.headers().firstHeader(HttpHeaders.USER_AGENT);
		if (userAgent != null) {
			builder.metadata("__useragent", userAgent);
		}
		builder.metadata("__langserve_endpoint", path.substring(path.lastIndexOf('/') + 1));
	}

}
