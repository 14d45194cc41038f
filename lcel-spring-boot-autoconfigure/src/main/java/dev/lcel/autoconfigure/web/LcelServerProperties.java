package dev.lcel.autoconfigure.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
