package dev.lcel.autoconfigure.web;

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

	/** The most inputs of one batch request that run at once; a request's config.max_concurrency may ask for fewer. */
	private int maxBatchConcurrency = 16;

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

}
