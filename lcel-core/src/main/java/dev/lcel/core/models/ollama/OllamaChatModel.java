package dev.lcel.core.models.ollama;

import java.util.Map;

import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.http.HttpChatApi;
import dev.lcel.core.models.http.HttpChatApi.Framing;
import org.springframework.http.HttpHeaders;

/**
 * A chat model that calls Ollama's native chat API ({@code POST /api/chat}), which streams one JSON
 * object per line.
 *
 * <p>Temperature, top-p, stop sequences and the most tokens ({@code num_predict}) go to Ollama's
 * {@code options}, as do provider-specific parameters such as {@code num_ctx} or {@code seed};
 * {@code format}, {@code keep_alive} and {@code think} go to the top level. Tool calls arrive whole
 * and become one tool-call chunk each; token usage comes from {@code prompt_eval_count} and
 * {@code eval_count} on the last line. An API key, for a hosted Ollama, is sent as a bearer token.
 *
 * <p>Structured output uses {@code format} with the schema by default; {@code format: "json"}, the
 * schema as the only tool (not forced: Ollama has no {@code tool_choice}) and instructions alone are
 * supported too.
 *
 * <pre class="code">
 * ChatModel model = OllamaChatModel.builder().model("llama3.2").build();
 * </pre>
 */
public final class OllamaChatModel extends HttpChatModel {

	/** The provider's name, as OpenTelemetry's GenAI conventions give it. */
	public static final String PROVIDER = "ollama";

	/** A local Ollama, the default base URL. */
	public static final String DEFAULT_BASE_URL = "http://localhost:11434";

	private static final HttpChatApi API = new HttpChatApi(PROVIDER, "/api/chat", "/api/tags", Framing.JSON_LINES,
			OllamaRequests::body, OllamaLines::new, "its \"done\": true line",
			OllamaStructuredOutput.SUPPORT);

	private OllamaChatModel(Builder builder) {
		super(API, builder, builder.headers());
	}

	/**
	 * Return a builder, set to a local Ollama.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds an {@link OllamaChatModel}.
	 */
	public static final class Builder extends HttpChatModel.Builder<Builder> {

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		private Map<String, String> headers() {
			return apiKeyHeaders(HttpHeaders.AUTHORIZATION, "Bearer ");
		}

		@Override
		public OllamaChatModel build() {
			return new OllamaChatModel(this);
		}

	}

}
