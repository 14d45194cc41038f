package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.chain.ConfiguredChainsRegistrar;
import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.wire.ChainRoute;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of the HTTP endpoints that serve every chain in LangServe's wire protocol,
 * under {@code lcel.server.base-path} (default {@code /chains}), in a WebFlux application. Turn them
 * off with {@code lcel.server.enabled=false}.
 */
@AutoConfiguration(after = ChainAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty(name = "lcel.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LcelServerProperties.class)
public final class LcelServerAutoConfiguration {

	@Bean
	RouterFunction<ServerResponse> lcelChainRoutes(ChainRegistry chains, LcelServerProperties properties,
			ObjectProvider<JsonMapper> json, ObjectProvider<ChainRequestConfigCustomizer> customizers,
			ObjectProvider<ConfiguredChainsRegistrar> configuredChains, ObjectProvider<ChatModelRegistry> models) {
		String base = properties.routePrefix();
		List<ChainRequestConfigCustomizer> configCustomizers = new ArrayList<>();
		configCustomizers.add(new LangServeRunDefaults(base));
		customizers.orderedStream().forEach(configCustomizers::add);
		ChainHandler handler = new ChainHandler(chains, properties, json.getIfAvailable(JsonMapper::shared),
				configCustomizers, new ChainModelLabels(configuredChains, models));
		RouteSwitches switches = new RouteSwitches(properties);
		RouterFunctions.Builder routes = RouterFunctions.route().GET(base, handler::list).GET(base + "/", handler::list);
		for (ChainRoute route : ChainRoute.all()) {
			routes.route(RequestPredicates.method(route.method()).and(RequestPredicates.path(route.under(base + "/{name}"))),
					switches.guard(route, handler.handlerOf(route)));
		}
		return routes
			.route(RequestPredicates.path(base + "/{name}/{route}"), handler::unrouted)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(name = "lcelChainCorsFilter")
	CorsWebFilter lcelChainCorsFilter(LcelServerProperties properties) {
		return ChainCors.filter(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpServer.class, NettyServerCustomizer.class })
	@ConditionalOnProperty(name = "lcel.server.connection.enabled", matchIfMissing = true)
	static class ConnectionTimeoutsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "lcelConnectionTimeouts")
		NettyServerCustomizer lcelConnectionTimeouts(LcelServerProperties properties) {
			return new ConnectionTimeouts(properties.connection());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenApiCustomizer.class)
	static class OpenApiConfiguration {

		@Bean
		OpenApiCustomizer lcelChainsOpenApiCustomizer(ChainRegistry chains, LcelServerProperties properties) {
			return new ChainOpenApiCustomizer(chains, properties);
		}

	}

}
