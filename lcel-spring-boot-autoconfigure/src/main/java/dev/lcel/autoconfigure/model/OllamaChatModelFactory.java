package dev.lcel.autoconfigure.model;

import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code ollama} provider: Ollama's native chat API, at {@code http://localhost:11434} unless
 * the model's {@code base-url} says otherwise. Needs no API key.
 */
class OllamaChatModelFactory extends HttpChatModelFactory {

	OllamaChatModelFactory() {
		super(false);
	}

	@Override
	public String provider() {
		return OllamaChatModel.PROVIDER;
	}

	@Override
	HttpChatModel build(ModelProperties properties, WebClient.Builder webClient) {
		return configure(OllamaChatModel.builder(), properties, webClient).build();
	}

}
