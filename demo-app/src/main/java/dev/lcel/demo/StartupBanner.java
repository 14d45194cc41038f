package dev.lcel.demo;

import dev.lcel.autoconfigure.chain.ChainRegistry;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the demo where its chains are served and how to call one.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private final ChainRegistry chains;

	StartupBanner(ChainRegistry chains) {
		this.chains = chains;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		System.out.println("""

				lcel demo is serving %s (offline: no model, no API key)
				  chains:  %s/chains
				  try:     curl -N -X POST %s/chains/typewriter/stream -H 'Content-Type: application/json' -d '{"input": "watch the words arrive"}'
				""".formatted(this.chains.getChains().keySet(), base, base));
	}

}
