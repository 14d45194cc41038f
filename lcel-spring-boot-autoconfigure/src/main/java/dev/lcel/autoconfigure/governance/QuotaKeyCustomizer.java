package dev.lcel.autoconfigure.governance;

import dev.lcel.autoconfigure.web.ChainRequestConfigCustomizer;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.governance.TokenQuota;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Keys each chain request for its quota: puts the key, from the configured source, into the run's
 * metadata under {@link TokenQuota#KEY_METADATA}, where no client can set it. It runs after the
 * application's own customizers, so a {@code metadata} source sees what they put there.
 */
final class QuotaKeyCustomizer implements ChainRequestConfigCustomizer, Ordered {

	private final QuotasProperties.Key key;

	QuotaKeyCustomizer(QuotasProperties.Key key) {
		this.key = key;
	}

	@Override
	public RunnableConfig customize(String chain, ServerRequest request, RunnableConfig config) {
		String value = switch (this.key.source()) {
			case PRINCIPAL -> request.attribute(PrincipalCapture.ATTRIBUTE).map(Object::toString).orElse(null);
			case HEADER -> request.headers().firstHeader(this.key.name());
			case METADATA -> {
				Object metadata = config.metadata().get(this.key.name());
				yield (metadata != null) ? metadata.toString() : null;
			}
		};
		String resolved = (value != null && !value.isBlank()) ? value : this.key.anonymous();
		return config.toBuilder().metadata(TokenQuota.KEY_METADATA, resolved).build();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
