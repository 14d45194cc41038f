package dev.lcel.autoconfigure.model;

import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.http.HttpChatModel;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code anthropic} provider: Anthropic's Messages API, or a compatible server at the model's
 * {@code base-url}.
 */
class AnthropicChatModelFactory extends HttpChatModelFactory {

	AnthropicChatModelFactory() {
		super(true);
	}

	@Override
	public String provider() {
		return AnthropicChatModel.PROVIDER;
	}

	@Override
	HttpChatModel build(ModelProperties properties, WebClient.Builder webClient) {
		ModelProperties.Anthropic anthropic = properties.getAnthropic();
		AnthropicChatModel.Builder builder = configure(AnthropicChatModel.builder(), properties, webClient)
			.beta(anthropic.getBeta());
		if (anthropic.getVersion() != null) {
			builder.version(anthropic.getVersion());
		}
		return builder.build();
	}

}
