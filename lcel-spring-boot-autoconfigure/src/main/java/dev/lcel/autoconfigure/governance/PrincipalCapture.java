package dev.lcel.autoconfigure.governance;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Resolves the authenticated principal of each request without blocking, before the handler runs,
 * and keeps its name in an exchange attribute: the principal is only available as a
 * {@code Mono}, and the quota key is chosen in a synchronous customizer. It runs after the
 * security filters (Spring Security's sits at order -100).
 */
final class PrincipalCapture implements WebFilter, Ordered {

	/** The exchange attribute that holds the principal's name. */
	static final String ATTRIBUTE = PrincipalCapture.class.getName() + ".name";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal()
			.map(Principal::getName)
			.doOnNext((name) -> exchange.getAttributes().put(ATTRIBUTE, name))
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
