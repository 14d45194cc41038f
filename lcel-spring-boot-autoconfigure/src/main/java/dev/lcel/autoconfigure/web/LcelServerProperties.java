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

}
