package dev.lcel.autoconfigure.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;


/**
 * One chat model of {@code lcel.models.<name>}: which provider, which model, and how to call it,
 * with the options only one provider has in that provider's group ({@code openai},
 * {@code anthropic}, {@code fake}), as Spring Boot nests a client's own options.
 */
public class ModelProperties {

	/** The provider: openai (and OpenAI-compatible servers), anthropic, ollama, or fake (offline, scripted). */
	private String provider;

	/** The model to request, such as gpt-4o-mini or claude-sonnet-4. */
	private String model;

	/** The provider's base URL; each provider has a default. */
	private String baseUrl;

	/** The API key; required only for a model that a chain uses, and never shown by Actuator. */
	private String apiKey;

	/** The sampling temperature. */
	private Double temperature;

	/** The most tokens to generate. */
	private Integer maxTokens;

	/** The read timeout: the longest wait for the first and for each next piece of an answer. */
	private Duration timeout = Duration.ofSeconds(60);

	/** The longest a whole call may take, from request to last chunk; none by default. */
	private Duration deadline;

	/** The longest wait for a connection to the provider; the HTTP client's default when unset. */
	private Duration connectTimeout;

	/** The nucleus sampling mass. */
	private Double topP;

	/** Texts at which generation stops. */
	private List<String> stop = new ArrayList<>();

	/** Provider-specific parameters sent with every call by their wire name, such as seed or num_ctx. */
	private Map<String, Object> options = new LinkedHashMap<>();

	/** Retries of failed calls: rate limits, overloads and server errors. */
	private final RetryProperties retry = new RetryProperties();

	/** Options of the openai provider only. */
	private final OpenAi openai = new OpenAi();

	/** Options of the anthropic provider only. */
	private final Anthropic anthropic = new Anthropic();

	/** Options of the fake provider only. */
	private final Fake fake = new Fake();

	public String getProvider() {
		return this.provider;
	}

	public void setProvider(String provider) {
		this.provider = provider;
	}

	public String getModel() {
		return this.model;
	}

	public void setModel(String model) {
		this.model = model;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public Double getTemperature() {
		return this.temperature;
	}

	public void setTemperature(Double temperature) {
		this.temperature = temperature;
	}

	public Integer getMaxTokens() {
		return this.maxTokens;
	}

	public void setMaxTokens(Integer maxTokens) {
		this.maxTokens = maxTokens;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(Duration deadline) {
		this.deadline = deadline;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Double getTopP() {
		return this.topP;
	}

	public void setTopP(Double topP) {
		this.topP = topP;
	}

	public List<String> getStop() {
		return this.stop;
	}

	public void setStop(List<String> stop) {
		this.stop = stop;
	}

	public Map<String, Object> getOptions() {
		return this.options;
	}

	public void setOptions(Map<String, Object> options) {
		this.options = options;
	}

	public RetryProperties getRetry() {
		return this.retry;
	}

	public OpenAi getOpenai() {
		return this.openai;
	}

	public Anthropic getAnthropic() {
		return this.anthropic;
	}

	public Fake getFake() {
		return this.fake;
	}

	// The provider options' names before they had their own groups, still bound. When both names
	// are set, the group's name wins whatever the order of binding or of the property sources.

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.openai.organization", since = "0.1.0")
	public String getOrganization() {
		return this.openai.getOrganization();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setOrganization(String organization) {
		this.openai.unlessNamed("organization", () -> this.openai.organization = organization);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.openai.project", since = "0.1.0")
	public String getProject() {
		return this.openai.getProject();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setProject(String project) {
		this.openai.unlessNamed("project", () -> this.openai.project = project);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.anthropic.version", since = "0.1.0")
	public String getVersion() {
		return this.anthropic.getVersion();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setVersion(String version) {
		this.anthropic.unlessNamed("version", () -> this.anthropic.version = version);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.anthropic.beta", since = "0.1.0")
	public String getBeta() {
		return this.anthropic.getBeta();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setBeta(String beta) {
		this.anthropic.unlessNamed("beta", () -> this.anthropic.beta = beta);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.fake.responses", since = "0.1.0")
	public List<String> getResponses() {
		// A copy: the binder fills the list it gets in place, which must not be the group's.
		return new ArrayList<>(this.fake.getResponses());
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setResponses(List<String> responses) {
		this.fake.unlessNamed("responses", () -> this.fake.responses = responses);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.fake.chunk-size", since = "0.1.0")
	public int getChunkSize() {
		return this.fake.getChunkSize();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setChunkSize(int chunkSize) {
		this.fake.unlessNamed("chunkSize", () -> this.fake.chunkSize = chunkSize);
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	@DeprecatedConfigurationProperty(replacement = "lcel.models.*.fake.delay", since = "0.1.0")
	public Duration getDelay() {
		return this.fake.getDelay();
	}

	@Deprecated(since = "0.1.0", forRemoval = true)
	public void setDelay(Duration delay) {
		this.fake.unlessNamed("delay", () -> this.fake.delay = delay);
	}

	/** The string a model's toString shows in place of its key. */
	@Override
	public String toString() {
		return "ModelProperties[provider=" + this.provider + ", model=" + this.model + ", baseUrl=" + this.baseUrl
				+ ", apiKey=" + ((this.apiKey != null) ? "******" : "none") + "]";
	}

	/**
	 * The options of the {@code openai} provider: {@code lcel.models.<name>.openai.*}.
	 */
	public static class OpenAi extends ProviderGroup {

		/** The organization sent in OpenAI-Organization. */
		private String organization;

		/** The project sent in OpenAI-Project. */
		private String project;

		public String getOrganization() {
			return this.organization;
		}

		public void setOrganization(String organization) {
			this.organization = organization;
			named("organization");
		}

		public String getProject() {
			return this.project;
		}

		public void setProject(String project) {
			this.project = project;
			named("project");
		}

	}

	/**
	 * The options of the {@code anthropic} provider: {@code lcel.models.<name>.anthropic.*}.
	 */
	public static class Anthropic extends ProviderGroup {

		/** The API version sent in anthropic-version; 2023-06-01 by default. */
		private String version;

		/** The beta features sent in anthropic-beta. */
		private String beta;

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
			named("version");
		}

		public String getBeta() {
			return this.beta;
		}

		public void setBeta(String beta) {
			this.beta = beta;
			named("beta");
		}

	}

	/**
	 * The options of the {@code fake} provider, which streams scripted replies offline:
	 * {@code lcel.models.<name>.fake.*}.
	 */
	public static class Fake extends ProviderGroup {

		/** The replies, given in turn. */
		private List<String> responses = new ArrayList<>();

		/** How many characters each streamed chunk has. */
		private int chunkSize = 4;

		/** The wait before each streamed chunk. */
		private Duration delay = Duration.ZERO;

		public List<String> getResponses() {
			return this.responses;
		}

		public void setResponses(List<String> responses) {
			this.responses = responses;
			named("responses");
		}

		public int getChunkSize() {
			return this.chunkSize;
		}

		public void setChunkSize(int chunkSize) {
			this.chunkSize = chunkSize;
			named("chunkSize");
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
			named("delay");
		}

	}

	/**
	 * A provider's group of options, remembering which were set under their own names, so that
	 * a deprecated name never overrides them.
	 */
	abstract static class ProviderGroup {

		private final Set<String> named = new HashSet<>();

		void named(String option) {
			this.named.add(option);
		}

		void unlessNamed(String option, Runnable set) {
			if (!this.named.contains(option)) {
				set.run();
			}
		}

	}

}
