package dev.lcel.demo;

import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.model.ChatModelRegistry;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the demo where its chains are served and how to call one.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private final ChainRegistry chains;

	private final ChatModelRegistry models;

	StartupBanner(ChainRegistry chains, ChatModelRegistry models) {
		this.chains = chains;
		this.models = models;
	}

	private String modelsLine() {
		String model = this.models.describe("joke-model");
		if (ChatModelRegistry.FAKE_DESCRIPTION.equals(model)) {
			return "the library's offline fake provider (scripted replies, no API key; not a language model);"
					+ " set OPENAI_API_KEY, ANTHROPIC_API_KEY or OLLAMA_BASE_URL to use a real one";
		}
		return model;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		System.out.println(String.join(System.lineSeparator(), "",
				"lcel demo is serving " + this.chains.getChains().keySet(),
				"  models:      " + modelsLine(),
				"  chains:      " + base + "/chains",
				"  playground:  " + base + "/chains/joke/playground",
				"  try:         curl -N -X POST " + base + "/chains/joke/stream -H 'Content-Type: application/json' "
						+ "-d '{\"input\": {\"topic\": \"bears\"}}'",
				""));
	}

}
