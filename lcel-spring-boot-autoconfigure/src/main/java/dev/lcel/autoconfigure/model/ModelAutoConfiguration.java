package dev.lcel.autoconfigure.model;

import java.util.Map;

import dev.lcel.autoconfigure.chain.ConfiguredChainsRegistrar;
import dev.lcel.core.models.ChatModel;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of chat models from {@code lcel.models.<name>}: a {@link ChatModelRegistry}
 * over every configured model, with a {@link ChatModelFactory} per provider, calling providers
 * through Spring Boot's {@link WebClient.Builder} when there is one.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(ChatModel.class)
@EnableConfigurationProperties(ModelsProperties.class)
public final class ModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FakeChatModelFactory.class)
	FakeChatModelFactory fakeChatModelFactory() {
		return new FakeChatModelFactory();
	}

	@Bean
	@ConditionalOnMissingBean(OpenAiChatModelFactory.class)
	OpenAiChatModelFactory openAiChatModelFactory() {
		return new OpenAiChatModelFactory();
	}

	@Bean
	@ConditionalOnMissingBean(AnthropicChatModelFactory.class)
	AnthropicChatModelFactory anthropicChatModelFactory() {
		return new AnthropicChatModelFactory();
	}

	@Bean
	@ConditionalOnMissingBean(OllamaChatModelFactory.class)
	OllamaChatModelFactory ollamaChatModelFactory() {
		return new OllamaChatModelFactory();
	}

	@Bean
	@ConditionalOnMissingBean
	ChatModelRegistry chatModelRegistry(ModelsProperties properties, ObjectProvider<ChatModelFactory> factories,
			ObjectProvider<ChatModelDecorator> decorators, ObjectProvider<WebClient.Builder> webClient,
			ObjectProvider<ConfiguredChainsRegistrar> chains) {
		ConfiguredChainsRegistrar registrar = chains.getIfAvailable();
		Map<String, String> used = (registrar != null) ? registrar.usedModels() : Map.of();
		return new ChatModelRegistry(properties, factories.orderedStream().toList(),
				decorators.orderedStream().toList(), webClient.getIfAvailable(WebClient::builder), used,
				(registrar != null) ? registrar.problems() : java.util.List.of());
	}

}
