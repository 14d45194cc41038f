package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP endpoints that serve chains, under {@code lcel.server}.
 */
@ConfigurationProperties("lcel.server")
public class LcelServerProperties {

	/** Whether to serve chains over HTTP. */
	private boolean enabled = true;

	/** The path under which chains are served: BASE-PATH/NAME/invoke and so on. */
	private String basePath = "/chains";

	/** The chains to serve, by name; empty serves every chain. */
	private List<String> expose = new ArrayList<>();

	/** The largest request body accepted; larger ones are refused with 413. */
	private DataSize maxRequestSize = DataSize.ofMegabytes(1);

	/** The config keys a client may set (snake_case or camelCase); every other key is dropped. */
	private List<String> configKeys = new ArrayList<>(List.of("configurable", "tags", "metadata", "run_name"));

	/** The most inputs one batch request may carry; more are refused with 413. */
	private int maxBatchSize = 1000;

	/** The most inputs of one batch request that run at once; a request's config.max_concurrency may ask for fewer. */
	private int maxBatchConcurrency = 16;

	/** Which optional routes are served for every chain; all are served unless switched off. */
	private final Routes routes = new Routes();

	/** Per chain, by name: switches that override lcel.server.routes for that chain. */
	private Map<String, Routes> chainRoutes = new LinkedHashMap<>();

	/** Cross-origin requests to the chain routes; none are allowed unless origins are set. */
	private final Cors cors = new Cors();

	private final Limits limits = new Limits();

	private final Connection connection = new Connection();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
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

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public List<String> getExpose() {
		return this.expose;
	}

	public void setExpose(List<String> expose) {
		this.expose = expose;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public List<String> getConfigKeys() {
		return this.configKeys;
	}

	public void setConfigKeys(List<String> configKeys) {
		this.configKeys = configKeys;
	}

	public int getMaxBatchSize() {
		return this.maxBatchSize;
	}

	public void setMaxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	public int getMaxBatchConcurrency() {
		return this.maxBatchConcurrency;
	}

	public void setMaxBatchConcurrency(int maxBatchConcurrency) {
		this.maxBatchConcurrency = maxBatchConcurrency;
	}

	public Routes getRoutes() {
		return this.routes;
	}

	public Map<String, Routes> getChainRoutes() {
		return this.chainRoutes;
	}

	public void setChainRoutes(Map<String, Routes> chainRoutes) {
		this.chainRoutes = chainRoutes;
	}

	public Cors getCors() {
		return this.cors;
	}

	/**
	 * Switches of the optional routes of a chain; an unset switch leaves the route as the level
	 * above says (served, globally).
	 */
	public static class Routes {

		/** Whether to serve the playground page. */
		private @Nullable Boolean playground;

		/** Whether to serve batch. */
		private @Nullable Boolean batch;

		/** Whether to serve stream_log. */
		private @Nullable Boolean streamLog;

		/** Whether to serve stream_events. */
		private @Nullable Boolean streamEvents;

		/** Whether to serve schema, input_schema, output_schema and config_schema. */
		private @Nullable Boolean schema;

		public @Nullable Boolean getPlayground() {
			return this.playground;
		}

		public void setPlayground(@Nullable Boolean playground) {
			this.playground = playground;
		}

		public @Nullable Boolean getBatch() {
			return this.batch;
		}

		public void setBatch(@Nullable Boolean batch) {
			this.batch = batch;
		}

		public @Nullable Boolean getStreamLog() {
			return this.streamLog;
		}

		public void setStreamLog(@Nullable Boolean streamLog) {
			this.streamLog = streamLog;
		}

		public @Nullable Boolean getStreamEvents() {
			return this.streamEvents;
		}

		public void setStreamEvents(@Nullable Boolean streamEvents) {
			this.streamEvents = streamEvents;
		}

		public @Nullable Boolean getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable Boolean schema) {
			this.schema = schema;
		}

	}

	/**
	 * Cross-origin resource sharing for the chain routes (BASE-PATH/**), for browser clients on
	 * other origins.
	 */
	public static class Cors {

		/** The origins allowed to call the chain routes, such as https://app.example.com; empty allows none. */
		private List<String> allowedOrigins = new ArrayList<>();

		/** Origin patterns allowed to call the chain routes, such as https://*.example.com. */
		private List<String> allowedOriginPatterns = new ArrayList<>();

		/** The methods allowed in cross-origin requests. */
		private List<String> allowedMethods = new ArrayList<>(List.of("GET", "POST"));

		/** The request headers allowed in cross-origin requests; '*' allows any. */
		private List<String> allowedHeaders = new ArrayList<>(List.of("*"));

		/** The response headers a browser lets a cross-origin caller read. */
		private List<String> exposedHeaders = new ArrayList<>();

		/** Whether cross-origin requests may carry credentials (cookies, HTTP authentication). */
		private boolean allowCredentials;

		/** How long a browser may cache the answer to a preflight request. */
		private Duration maxAge = Duration.ofMinutes(30);

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public List<String> getAllowedOriginPatterns() {
			return this.allowedOriginPatterns;
		}

		public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
			this.allowedOriginPatterns = allowedOriginPatterns;
		}

		public List<String> getAllowedMethods() {
			return this.allowedMethods;
		}

		public void setAllowedMethods(List<String> allowedMethods) {
			this.allowedMethods = allowedMethods;
		}

		public List<String> getAllowedHeaders() {
			return this.allowedHeaders;
		}

		public void setAllowedHeaders(List<String> allowedHeaders) {
			this.allowedHeaders = allowedHeaders;
		}

		public List<String> getExposedHeaders() {
			return this.exposedHeaders;
		}

		public void setExposedHeaders(List<String> exposedHeaders) {
			this.exposedHeaders = exposedHeaders;
		}

		public boolean isAllowCredentials() {
			return this.allowCredentials;
		}

		public void setAllowCredentials(boolean allowCredentials) {
			this.allowCredentials = allowCredentials;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	public Limits getLimits() {
		return this.limits;
	}

	public Connection getConnection() {
		return this.connection;
	}

	/**
	 * Bounds on what a client's request may make the server echo or compute, so that no answer is
	 * more than a small multiple of its request.
	 */
	public static class Limits {

		/** The most JSON values (objects, arrays, strings, numbers, booleans, nulls) one request body may hold; more are refused with 413. */
		private int maxJsonValues = 20_000;

		/** The most field errors a 422 problem lists; the rest are only counted. */
		private int maxErrors = 20;

		/** The most schema evaluation steps spent checking one input; beyond, the input is refused with 422. */
		private long maxValidationSteps = 100_000;

		/** The most tags a request's config may carry; more are refused with 422. */
		private int maxTags = 16;

		/** The longest tag a request's config may carry, in characters; longer are refused with 422. */
		private int maxTagLength = 100;

		/** The largest metadata a request's config may carry, as JSON; larger is refused with 422. */
		private DataSize maxMetadataSize = DataSize.ofKilobytes(1);

		public int getMaxJsonValues() {
			return this.maxJsonValues;
		}

		public void setMaxJsonValues(int maxJsonValues) {
			this.maxJsonValues = maxJsonValues;
		}

		public int getMaxErrors() {
			return this.maxErrors;
		}

		public void setMaxErrors(int maxErrors) {
			this.maxErrors = maxErrors;
		}

		public long getMaxValidationSteps() {
			return this.maxValidationSteps;
		}

		public void setMaxValidationSteps(long maxValidationSteps) {
			this.maxValidationSteps = maxValidationSteps;
		}

		public int getMaxTags() {
			return this.maxTags;
		}

		public void setMaxTags(int maxTags) {
			this.maxTags = maxTags;
		}

		public int getMaxTagLength() {
			return this.maxTagLength;
		}

		public void setMaxTagLength(int maxTagLength) {
			this.maxTagLength = maxTagLength;
		}

		public DataSize getMaxMetadataSize() {
			return this.maxMetadataSize;
		}

		public void setMaxMetadataSize(DataSize maxMetadataSize) {
			this.maxMetadataSize = maxMetadataSize;
		}

	}

	/**
	 * Timeouts of the server's connections (Reactor Netty), so that a client that stalls cannot
	 * hold a connection: applied to the whole server, and superseded by
	 * {@code server.netty.idle-timeout} when that is set.
	 */
	public static class Connection {

		/** Whether to apply these timeouts to the Netty server. */
		private boolean enabled = true;

		/** How long a connection may wait for a request's headers, or idle between requests (keep-alive). */
		private Duration idleTimeout = Duration.ofSeconds(60);

		/** How long the server waits between two reads of a request's body. */
		private Duration readTimeout = Duration.ofSeconds(30);

		/** How long the server waits for a request's whole body. */
		private Duration requestTimeout = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

	}

}
