package dev.lcel.autoconfigure.model;

import dev.lcel.core.models.http.HttpChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code openai} provider: OpenAI's Chat Completions API, or any compatible server at the
 * model's {@code base-url} (which then needs no {@code api-key}).
 */
class OpenAiChatModelFactory extends HttpChatModelFactory {

	OpenAiChatModelFactory() {
		super(true);
	}

	@Override
	public String provider() {
		return OpenAiChatModel.PROVIDER;
	}

	@Override
	HttpChatModel build(ModelProperties properties, WebClient.Builder webClient) {
		ModelProperties.OpenAi openai = properties.getOpenai();
		return configure(OpenAiChatModel.builder(), properties, webClient).organization(openai.getOrganization())
			.project(openai.getProject())
			.build();
	}

}
