package dev.lcel.core.models.ollama;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.http.StreamDecoder;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

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
 * <pre class="code">
 * ChatModel model = OllamaChatModel.builder().model("llama3.2").build();
 * </pre>
 */
public final class OllamaChatModel extends HttpChatModel {

	/** The provider's name, as OpenTelemetry's GenAI conventions give it. */
	public static final String PROVIDER = "ollama";

	/** A local Ollama, the default base URL. */
	public static final String DEFAULT_BASE_URL = "http://localhost:11434";

	private OllamaChatModel(Builder builder) {
		super(PROVIDER, builder, builder.headers());
	}

	/**
	 * Return a builder, set to a local Ollama.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	protected String chatPath() {
		return "/api/chat";
	}

	@Override
	protected String healthPath() {
		return "/api/tags";
	}

	@Override
	protected ObjectNode requestBody(List<BaseMessage> messages, ChatOptions options) {
		return OllamaRequests.body(modelName(), messages, options);
	}

	@Override
	protected Flux<String> frames(ClientResponse response) {
		return response.bodyToFlux(String.class);
	}

	@Override
	protected StreamDecoder decoder() {
		return new OllamaLines();
	}

	@Override
	protected String endEvent() {
		return "its \"done\": true line";
	}

	/**
	 * Return {@link StructuredOutputMethod#JSON_SCHEMA}: Ollama's {@code format} with the schema.
	 */
	@Override
	public StructuredOutputMethod defaultStructuredOutputMethod() {
		return StructuredOutputMethod.JSON_SCHEMA;
	}

	/**
	 * Support {@code format} with the schema, {@code format: "json"}, the schema as the only tool
	 * (not forced: Ollama has no {@code tool_choice}), and instructions alone.
	 */
	@Override
	protected ChatOptions structuredOutputOptions(StructuredOutputMethod method, ToolDefinition schema) {
		return OllamaStructuredOutput.options(method, schema);
	}

	/**
	 * Builds an {@link OllamaChatModel}.
	 */
	public static final class Builder extends HttpChatModel.Builder<Builder> {

		private Builder() {
			super(DEFAULT_BASE_URL);
		}

		private Map<String, String> headers() {
			Map<String, String> headers = new LinkedHashMap<>();
			if (apiKey() != null && !apiKey().isEmpty()) {
				headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey());
			}
			return headers;
		}

		/**
		 * Build the model.
		 * @return the model
		 */
		public OllamaChatModel build() {
			return new OllamaChatModel(this);
		}

	}

}
