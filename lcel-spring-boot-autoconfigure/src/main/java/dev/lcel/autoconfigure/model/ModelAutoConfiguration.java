package dev.lcel.autoconfigure.model;

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
 * through Spring Boot's {@link WebClient.Builder} when there is one. A {@code ChatModelFactory}
 * bean of the application's own, with the id of one of these providers, is used in place of ours.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(ChatModel.class)
@EnableConfigurationProperties(ModelsProperties.class)
public final class ModelAutoConfiguration {

	@Bean
	FakeChatModelFactory fakeChatModelFactory() {
		return new FakeChatModelFactory();
	}

	@Bean
	HttpChatModelFactory openAiChatModelFactory() {
		return HttpChatModelFactory.openAi();
	}

	@Bean
	HttpChatModelFactory anthropicChatModelFactory() {
		return HttpChatModelFactory.anthropic();
	}

	@Bean
	HttpChatModelFactory ollamaChatModelFactory() {
		return HttpChatModelFactory.ollama();
	}

	@Bean
	@ConditionalOnMissingBean
	ChatModelRegistry chatModelRegistry(ModelsProperties properties, ObjectProvider<ChatModelFactory> factories,
			ObjectProvider<ChatModelDecorator> decorators, ObjectProvider<WebClient.Builder> webClient) {
		return new ChatModelRegistry(properties, factories.orderedStream().toList(), decorators.orderedStream().toList(),
				webClient.getIfAvailable(WebClient::builder));
	}

}
