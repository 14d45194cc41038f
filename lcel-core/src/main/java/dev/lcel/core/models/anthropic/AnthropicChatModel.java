package dev.lcel.core.models.anthropic;

import java.util.Map;

import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.http.HttpChatApi;
import dev.lcel.core.models.http.HttpChatApi.Framing;
import org.jspecify.annotations.Nullable;

/**
 * A chat model that calls Anthropic's Messages API.
 *
 * <p>Every call streams. System messages go to the request's top-level {@code system} field; tool
 * results go back as {@code tool_result} blocks. Text deltas become text chunks, a tool use block
 * and its {@code input_json_delta}s become tool-call chunks that merge by the block's index, and the
 * stop reason and usage arrive with {@code message_delta}. {@code max_tokens} is required by the
 * API: it is 1024 unless set. {@code ping} and unknown events are ignored; an {@code error} event
 * fails the stream after the chunks already delivered.
 *
 * <p>Structured output is a forced tool call ({@code tool_choice} of type {@code tool}) by default,
 * or instructions alone; the Messages API has neither a JSON Schema response format nor a JSON mode.
 *
 * <pre class="code">
 * ChatModel model = AnthropicChatModel.builder()
 *     .apiKey(System.getenv("ANTHROPIC_API_KEY"))
 *     .model("claude-sonnet-4-5")
 *     .build();
 * </pre>
 */
public final class AnthropicChatModel extends HttpChatModel {

	/** The provider's name, as OpenTelemetry's GenAI conventions give it. */
	public static final String PROVIDER = "anthropic";

	/** Anthropic's API, the default base URL. */
	public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

	/** The API version sent in {@code anthropic-version} unless another is set. */
	public static final String DEFAULT_VERSION = "2023-06-01";

	/** The {@code max_tokens} sent when none is set, since the API requires one. */
	public static final int DEFAULT_MAX_TOKENS = 1024;

	private static final HttpChatApi API = new HttpChatApi(PROVIDER, "/v1/messages", "/v1/models",
			Framing.SERVER_SENT_EVENTS, AnthropicRequests::body, AnthropicEvents::new, "message_stop",
			AnthropicStructuredOutput.SUPPORT);

	private AnthropicChatModel(Builder builder) {
		super(API, builder, builder.headers());
	}

	/**
	 * Return a builder, set to Anthropic's API.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds an {@link AnthropicChatModel}.
	 */
	public static final class Builder extends HttpChatModel.Builder<Builder> {

		private String version = DEFAULT_VERSION;

		private @Nullable String beta;

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		/**
		 * Set the API version sent in {@code anthropic-version}.
		 * @param version the version, {@value AnthropicChatModel#DEFAULT_VERSION} by default
		 * @return this builder
		 */
		public Builder version(String version) {
			this.version = version;
			return this;
		}

		/**
		 * Set the beta features sent in {@code anthropic-beta}.
		 * @param beta the comma-separated beta names
		 * @return this builder
		 */
		public Builder beta(@Nullable String beta) {
			this.beta = beta;
			return this;
		}

		private Map<String, String> headers() {
			Map<String, String> headers = apiKeyHeaders("x-api-key", "");
			headers.put("anthropic-version", this.version);
			if (this.beta != null) {
				headers.put("anthropic-beta", this.beta);
			}
			return headers;
		}

		@Override
		public AnthropicChatModel build() {
			return new AnthropicChatModel(this);
		}

	}

}
