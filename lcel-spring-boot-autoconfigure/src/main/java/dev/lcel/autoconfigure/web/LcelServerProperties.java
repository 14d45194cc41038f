package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.binding.Unmodifiable;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP endpoints that serve chains, under {@code lcel.server}.
 *
 * @param enabled Whether to serve chains over HTTP.
 * @param basePath The path under which chains are served: BASE-PATH/NAME/invoke and so on.
 * @param expose The chains to serve, by name; empty serves every chain.
 * @param maxRequestSize The largest request body accepted; larger ones are refused with 413.
 * @param configKeys The config keys a client may set (snake_case or camelCase); every other key is
 * dropped.
 * @param maxBatchSize The most inputs one batch request may carry; more are refused with 413.
 * @param maxBatchConcurrency The most inputs of one batch request that run at once; a request's
 * config.max_concurrency may ask for fewer.
 * @param routes Which optional routes are served for every chain; all are served unless switched
 * off.
 * @param chainRoutes Per chain, by name: switches that override lcel.server.routes for that chain.
 * @param cors Cross-origin requests to the chain routes; none are allowed unless origins are set.
 * @param limits Bounds on what a client's request may make the server echo or compute.
 * @param connection Timeouts of the server's connections.
 */
@ConfigurationProperties("lcel.server")
public record LcelServerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/chains") String basePath,
		@DefaultValue List<String> expose, @DefaultValue("1MB") DataSize maxRequestSize,
		@DefaultValue({ "configurable", "tags", "metadata", "run_name" }) List<String> configKeys,
		@DefaultValue("1000") int maxBatchSize, @DefaultValue("16") int maxBatchConcurrency,
		@DefaultValue Routes routes, @DefaultValue Map<String, Routes> chainRoutes, @DefaultValue Cors cors,
		@DefaultValue Limits limits, @DefaultValue Connection connection) {

	/**
	 * Create the server's properties, keeping unmodifiable copies of the lists and of the map.
	 */
	public LcelServerProperties {
		expose = List.copyOf(expose);
		configKeys = List.copyOf(configKeys);
		chainRoutes = Unmodifiable.map(chainRoutes);
	}

	/**
	 * Return the base path as routes are built on it: with a leading slash and without trailing
	 * ones, so that {@code /api/} serves {@code /api/NAME/invoke}; empty for the root.
	 * @return the normalized base path
	 */
	public String routePrefix() {
		String trimmed = (this.basePath != null) ? this.basePath.strip().replaceAll("/+$", "") : "";
		return (trimmed.isEmpty() || trimmed.startsWith("/")) ? trimmed : "/" + trimmed;
	}

	/**
	 * Switches of the optional routes of a chain; an unset switch leaves the route as the level
	 * above says (served, globally).
	 *
	 * @param playground Whether to serve the playground page.
	 * @param batch Whether to serve batch.
	 * @param streamLog Whether to serve stream_log.
	 * @param streamEvents Whether to serve stream_events.
	 * @param schema Whether to serve schema, input_schema, output_schema and config_schema.
	 */
	public record Routes(@Nullable Boolean playground, @Nullable Boolean batch, @Nullable Boolean streamLog,
			@Nullable Boolean streamEvents, @Nullable Boolean schema) {

	}

	/**
	 * Cross-origin resource sharing for the chain routes (BASE-PATH/**), for browser clients on
	 * other origins.
	 *
	 * @param allowedOrigins The origins allowed to call the chain routes, such as
	 * https://app.example.com; empty allows none.
	 * @param allowedOriginPatterns Origin patterns allowed to call the chain routes, such as
	 * https://*.example.com.
	 * @param allowedMethods The methods allowed in cross-origin requests.
	 * @param allowedHeaders The request headers allowed in cross-origin requests; '*' allows any.
	 * @param exposedHeaders The response headers a browser lets a cross-origin caller read.
	 * @param allowCredentials Whether cross-origin requests may carry credentials (cookies, HTTP
	 * authentication).
	 * @param maxAge How long a browser may cache the answer to a preflight request.
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue List<String> allowedOriginPatterns,
			@DefaultValue({ "GET", "POST" }) List<String> allowedMethods, @DefaultValue("*") List<String> allowedHeaders,
			@DefaultValue List<String> exposedHeaders, boolean allowCredentials,
			@DefaultValue("30m") Duration maxAge) {

		/**
		 * Create the CORS settings, keeping unmodifiable copies of the lists.
		 */
		public Cors {
			allowedOrigins = List.copyOf(allowedOrigins);
			allowedOriginPatterns = List.copyOf(allowedOriginPatterns);
			allowedMethods = List.copyOf(allowedMethods);
			allowedHeaders = List.copyOf(allowedHeaders);
			exposedHeaders = List.copyOf(exposedHeaders);
		}

	}

	/**
	 * Bounds on what a client's request may make the server echo or compute, so that no answer is
	 * more than a small multiple of its request.
	 *
	 * @param maxJsonValues The most JSON values (objects, arrays, strings, numbers, booleans, nulls)
	 * one request body may hold; more are refused with 413.
	 * @param maxErrors The most field errors a 422 problem lists; the rest are only counted.
	 * @param maxValidationSteps The most schema evaluation steps spent checking one input; beyond,
	 * the input is refused with 422.
	 * @param maxTags The most tags a request's config may carry; more are refused with 422.
	 * @param maxTagLength The longest tag a request's config may carry, in characters; longer are
	 * refused with 422.
	 * @param maxMetadataSize The largest metadata a request's config may carry, as JSON; larger is
	 * refused with 422.
	 */
	public record Limits(@DefaultValue("20000") int maxJsonValues, @DefaultValue("20") int maxErrors,
			@DefaultValue("100000") long maxValidationSteps, @DefaultValue("16") int maxTags,
			@DefaultValue("100") int maxTagLength, @DefaultValue("1KB") DataSize maxMetadataSize) {

	}

	/**
	 * Timeouts of the server's connections (Reactor Netty), so that a client that stalls cannot
	 * hold a connection: applied to the whole server, and superseded by
	 * {@code server.netty.idle-timeout} when that is set.
	 *
	 * @param enabled Whether to apply these timeouts to the Netty server.
	 * @param idleTimeout How long a connection may wait for a request's headers, or idle between
	 * requests (keep-alive).
	 * @param readTimeout How long the server waits between two reads of a request's body.
	 * @param requestTimeout How long the server waits for a request's whole body.
	 */
	public record Connection(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration idleTimeout,
			@DefaultValue("30s") Duration readTimeout, @DefaultValue("60s") Duration requestTimeout) {

	}

}
