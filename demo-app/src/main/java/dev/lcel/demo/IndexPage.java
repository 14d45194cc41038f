package dev.lcel.demo;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.model.ChatModelRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo's front page at {@code /}: every chain with its description and a link to its
 * playground.
 */
@Configuration(proxyBeanMethods = false)
class IndexPage {

	private static String modelText(ChatModelRegistry models) {
		String model = models.describe("joke-model");
		return ChatModelRegistry.FAKE_DESCRIPTION.equals(model) ? "an offline fake model (scripted replies, no API key)" : model;
	}

	@Bean
	RouterFunction<ServerResponse> indexRoute(ChainRegistry chains, ChatModelRegistry models) {
		return RouterFunctions.route().GET("/", (request) -> {
			StringBuilder items = new StringBuilder();
			chains.getChains().keySet().forEach((name) -> items.append("<li><a href=\"/chains/")
				.append(HtmlUtils.htmlEscape(name))
				.append("/playground\">")
				.append(HtmlUtils.htmlEscape(name))
				.append("</a> ")
				.append(HtmlUtils.htmlEscape(chains.description(name).orElse("")))
				.append("</li>"));
			String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>lcel demo</title>"
					+ "<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem}</style></head><body>"
					+ "<h1>lcel demo</h1><p>Chains served in LangServe's protocol at <a href=\"/chains\">/chains</a>, "
					+ "on " + HtmlUtils.htmlEscape(modelText(models)) + ". Open a playground:</p><ul>" + items
					+ "</ul><p><a href=\"/actuator/lcel\">/actuator/lcel</a> · <a href=\"/actuator/health\">health</a> · "
					+ "<a href=\"/actuator/metrics\">metrics</a></p></body></html>";
			return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page);
		}).build();
	}

}
