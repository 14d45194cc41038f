package dev.lcel.autoconfigure.openai;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.web.JsonRequestBody;
import dev.lcel.autoconfigure.web.LcelServerProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of OpenAI's chat completions protocol for chat chains, under
 * {@code lcel.openai-api.base-path} (default {@code /v1}), in a WebFlux application: every OpenAI
 * SDK and chat UI can then call a chain as a model. Off unless {@code lcel.openai-api.enabled=true}.
 */
@AutoConfiguration(after = ChainAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(name = "lcel.openai-api.enabled", havingValue = "true")
@EnableConfigurationProperties({ OpenAiApiProperties.class, LcelServerProperties.class })
public final class OpenAiApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatChains lcelChatChains(ChainRegistry chains, OpenAiApiProperties properties, LcelServerProperties server) {
		return new ChatChains(chains, properties,
				(name) -> server.expose().isEmpty() || server.expose().contains(name));
	}

	@Bean
	RouterFunction<ServerResponse> lcelOpenAiRoutes(ChatChains chains, OpenAiApiProperties properties,
			LcelServerProperties server, ObjectProvider<JsonMapper> json) {
		String base = properties.basePath().replaceAll("/+$", "");
		JsonMapper mapper = json.getIfAvailable(JsonMapper::shared);
		// The chain routes' own reader: the same size, value-count, media type and encoding checks.
		JsonRequestBody body = new JsonRequestBody(mapper, server.maxRequestSize().toBytes(),
				server.limits().maxJsonValues());
		ChatCompletionHandler handler = new ChatCompletionHandler(chains, properties, body, mapper);
		return RouterFunctions.route()
			.GET(base + "/models", handler::models)
			.GET(base + "/models/{id}", handler::model)
			.POST(base + "/chat/completions", handler::completions)
			// Only our own paths: an application's other routes under the same base stay its own.
			.route(RequestPredicates.path(base + "/chat/**").or(RequestPredicates.path(base + "/models/**")),
					handler::unrouted)
			.build();
	}

}
