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
		String path = request.path();
		RunnableConfig.Builder builder = config.toBuilder().runName(this.basePath + "/" + chain);
		String userAgent = request.headers().firstHeader(HttpHeaders.USER_AGENT);
		if (userAgent != null) {
			builder.metadata("__useragent", userAgent);
		}
		return builder.metadata("__langserve_endpoint", path.substring(path.lastIndexOf('/') + 1)).build();
	}

}
