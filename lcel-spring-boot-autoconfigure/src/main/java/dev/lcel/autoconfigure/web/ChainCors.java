package dev.lcel.autoconfigure.web;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The CORS filter of the chain routes, from {@code lcel.server.cors.*}: it answers preflight
 * requests and adds the CORS headers under the base path only, leaving the rest of the
 * application's routes (Actuator included) to their own CORS configuration. With no origins
 * configured it does nothing: cross-origin requests are answered as before, without CORS headers.
 */
final class ChainCors {

	private ChainCors() {
	}

	/**
	 * Return the CORS filter of the chain routes.
	 * @param properties the server's properties
	 * @return the filter
	 */
	static CorsWebFilter filter(LcelServerProperties properties) {
		LcelServerProperties.Cors cors = properties.cors();
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedOriginPatterns(cors.allowedOriginPatterns());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(cors.exposedHeaders());
		configuration.setAllowCredentials(cors.allowCredentials());
		configuration.setMaxAge(cors.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!cors.allowedOrigins().isEmpty() || !cors.allowedOriginPatterns().isEmpty()) {
			String base = properties.routePrefix();
			source.registerCorsConfiguration(base.isEmpty() ? "/" : base, configuration);
			source.registerCorsConfiguration(base + "/**", configuration);
		}
		return new CorsWebFilter(source);
	}

}
