package dev.lcel.core.models.openai;

import java.util.Map;

import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.http.HttpChatApi;
import dev.lcel.core.models.http.HttpChatApi.Framing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A chat model that calls OpenAI's Chat Completions API, or any server that speaks it (vLLM,
 * llama.cpp's server, LM Studio, Ollama's {@code /v1}) at another {@linkplain Builder#baseUrl
 * base URL}.
 *
 * <p>Every call streams ({@code "stream": true}) and asks for token usage in the last chunk
 * ({@code stream_options.include_usage}), so usage is reported when streaming as well as when
 * invoking. Content deltas become text chunks, tool-call deltas become tool-call chunks that merge
 * by index, and the finish reason, model and id go to the response metadata. Without an API key no
 * {@code Authorization} header is sent.
 *
 * <p>Structured output uses a strict {@code json_schema} response format by default, which OpenAI
 * and the compatible servers that support it keep the answer to; the schema as a function forced by
 * {@code tool_choice}, {@code json_object} mode and instructions alone are supported too.
 *
 * <pre class="code">
 * ChatModel model = OpenAiChatModel.builder()
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .model("gpt-4o-mini")
 *     .build();
 * </pre>
 */
public final class OpenAiChatModel extends HttpChatModel {

	/** The provider's name, as OpenTelemetry's GenAI conventions give it. */
	public static final String PROVIDER = "openai";

	/** OpenAI's API, the default base URL. */
	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	private static final HttpChatApi API = new HttpChatApi(PROVIDER, "/chat/completions", "/models",
			Framing.SERVER_SENT_EVENTS, OpenAiRequests::body, OpenAiChunks::new, "data: [DONE]",
			OpenAiStructuredOutput.SUPPORT);

	private OpenAiChatModel(Builder builder) {
		super(API, builder, builder.headers());
	}

	/**
	 * Return a builder, set to OpenAI's API.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds an {@link OpenAiChatModel}.
	 */
	public static final class Builder extends HttpChatModel.Builder<Builder> {

		private @Nullable String organization;

		private @Nullable String project;

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		/**
		 * Set the organization sent in {@code OpenAI-Organization}.
		 * @param organization the organization id
		 * @return this builder
		 */
		public Builder organization(@Nullable String organization) {
			this.organization = organization;
			return this;
		}

		/**
		 * Set the project sent in {@code OpenAI-Project}.
		 * @param project the project id
		 * @return this builder
		 */
		public Builder project(@Nullable String project) {
			this.project = project;
			return this;
		}

		private Map<String, String> headers() {
			Map<String, String> headers = apiKeyHeaders(HttpHeaders.AUTHORIZATION, "Bearer ");
			if (this.organization != null) {
				headers.put("OpenAI-Organization", this.organization);
			}
			if (this.project != null) {
				headers.put("OpenAI-Project", this.project);
			}
			return headers;
		}

		@Override
		public OpenAiChatModel build() {
			return new OpenAiChatModel(this);
		}

	}

}
