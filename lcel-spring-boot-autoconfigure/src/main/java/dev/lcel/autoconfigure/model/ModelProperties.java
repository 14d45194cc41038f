package dev.lcel.autoconfigure.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.lcel.autoconfigure.binding.Unmodifiable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One chat model of {@code lcel.models.<name>}: which provider, which model, and how to call it,
 * with the options only one provider has in that provider's group ({@code openai},
 * {@code anthropic}, {@code fake}), as Spring Boot nests a client's own options.
 *
 * <p>The provider options' names from before they had their own groups ({@code organization},
 * {@code project}, {@code version}, {@code beta}, {@code responses}, {@code chunk-size},
 * {@code delay}) are still bound, deprecated: each sets its group's option, unless the group's own
 * name is set too, which wins whatever the order of the property sources.
 *
 * @param provider The provider: openai (and OpenAI-compatible servers), anthropic, ollama, or fake
 * (offline, scripted).
 * @param model The model to request, such as gpt-4o-mini or claude-sonnet-4.
 * @param baseUrl The provider's base URL; each provider has a default.
 * @param apiKey The API key; required only for a model that a chain uses, and never shown by
 * Actuator.
 * @param temperature The sampling temperature.
 * @param maxTokens The most tokens to generate.
 * @param timeout The read timeout: the longest wait for the first and for each next piece of an
 * answer.
 * @param deadline The longest a whole call may take, from request to last chunk; none by default.
 * @param connectTimeout The longest wait for a connection to the provider; the HTTP client's
 * default when unset.
 * @param topP The nucleus sampling mass.
 * @param stop Texts at which generation stops.
 * @param options Provider-specific parameters sent with every call by their wire name, such as
 * seed or num_ctx.
 * @param retry Retries of failed calls: rate limits, overloads and server errors.
 * @param openai Options of the openai provider only.
 * @param anthropic Options of the anthropic provider only.
 * @param fake Options of the fake provider only.
 * @param organization Deprecated: {@code openai.organization}.
 * @param project Deprecated: {@code openai.project}.
 * @param version Deprecated: {@code anthropic.version}.
 * @param beta Deprecated: {@code anthropic.beta}.
 * @param responses Deprecated: {@code fake.responses}.
 * @param chunkSize Deprecated: {@code fake.chunk-size}.
 * @param delay Deprecated: {@code fake.delay}.
 */
public record ModelProperties(@Nullable String provider, @Nullable String model, @Nullable String baseUrl,
		@Nullable String apiKey, @Nullable Double temperature, @Nullable Integer maxTokens,
		@DefaultValue("60s") Duration timeout, @Nullable Duration deadline, @Nullable Duration connectTimeout,
		@Nullable Double topP, List<String> stop, Map<String, Object> options, @DefaultValue RetryProperties retry,
		OpenAi openai, Anthropic anthropic, Fake fake,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.openai.organization", since = "0.1.0") @Nullable String organization,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.openai.project", since = "0.1.0") @Nullable String project,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.anthropic.version", since = "0.1.0") @Nullable String version,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.anthropic.beta", since = "0.1.0") @Nullable String beta,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.fake.responses", since = "0.1.0") List<String> responses,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.fake.chunk-size", since = "0.1.0") @Nullable Integer chunkSize,
		@Deprecated(since = "0.1.0", forRemoval = true) @DeprecatedConfigurationProperty(
				replacement = "lcel.models.*.fake.delay", since = "0.1.0") @Nullable Duration delay) {

	/** How many characters each streamed chunk of the fake provider has, unless set. */
	private static final int FAKE_CHUNK_SIZE = 4;

	/**
	 * Copy the collections, and set each group's options from their deprecated names where the
	 * group does not set them itself; the deprecated components then read as their group's option.
	 */
	public ModelProperties {
		stop = Unmodifiable.list(stop);
		options = Unmodifiable.map(options);
		openai = new OpenAi(first(openai, OpenAi::organization, organization), first(openai, OpenAi::project, project));
		anthropic = new Anthropic(first(anthropic, Anthropic::version, version), first(anthropic, Anthropic::beta, beta));
		List<String> fakeResponses = (fake != null && !fake.responses().isEmpty()) ? fake.responses() : responses;
		fake = new Fake(fakeResponses, firstOr(first(fake, Fake::chunkSize, chunkSize), FAKE_CHUNK_SIZE),
				firstOr(first(fake, Fake::delay, delay), Duration.ZERO));
		organization = openai.organization();
		project = openai.project();
		version = anthropic.version();
		beta = anthropic.beta();
		responses = fake.responses();
		chunkSize = fake.chunkSize();
		delay = fake.delay();
	}

	private static <G, T> @Nullable T first(@Nullable G group, Function<G, @Nullable T> option,
			@Nullable T deprecated) {
		T named = (group != null) ? option.apply(group) : null;
		return (named != null) ? named : deprecated;
	}

	private static <T> T firstOr(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	/** The model's components, its API key masked: a model's {@code toString} never shows its key. */
	@Override
	public String toString() {
		return "ModelProperties[provider=" + this.provider + ", model=" + this.model + ", baseUrl=" + this.baseUrl
				+ ", apiKey=" + ((this.apiKey != null) ? "******" : "none") + "]";
	}

	/**
	 * The options of the {@code openai} provider: {@code lcel.models.<name>.openai.*}.
	 *
	 * @param organization The organization sent in OpenAI-Organization.
	 * @param project The project sent in OpenAI-Project.
	 */
	public record OpenAi(@Nullable String organization, @Nullable String project) {
	}

	/**
	 * The options of the {@code anthropic} provider: {@code lcel.models.<name>.anthropic.*}.
	 *
	 * @param version The API version sent in anthropic-version; 2023-06-01 by default.
	 * @param beta The beta features sent in anthropic-beta.
	 */
	public record Anthropic(@Nullable String version, @Nullable String beta) {
	}

	/**
	 * The options of the {@code fake} provider, which streams scripted replies offline:
	 * {@code lcel.models.<name>.fake.*}. As bound, an option that is not set is {@code null};
	 * the {@link ModelProperties} it belongs to sets it, from its deprecated name or to its default
	 * (chunks of 4 characters, no delay).
	 *
	 * @param responses The replies, given in turn.
	 * @param chunkSize How many characters each streamed chunk has.
	 * @param delay The wait before each streamed chunk.
	 */
	public record Fake(List<String> responses, @Nullable Integer chunkSize, @Nullable Duration delay) {

		/** Copy the replies. */
		public Fake {
			responses = Unmodifiable.list(responses);
		}

	}

}
