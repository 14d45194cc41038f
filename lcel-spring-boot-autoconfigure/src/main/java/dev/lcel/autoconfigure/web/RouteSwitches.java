package dev.lcel.autoconfigure.web;

import java.util.List;

import dev.lcel.core.wire.ChainRoute;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Which routes are served for which chain: a chain's own switches
 * ({@code lcel.server.chain-routes.NAME.*}) over the global ones ({@code lcel.server.routes.*}),
 * every route served when neither says otherwise. A route switched off answers 404, and is left
 * out of the chain list's links and of the OpenAPI document.
 */
final class RouteSwitches {

	private final LcelServerProperties properties;

	RouteSwitches(LcelServerProperties properties) {
		this.properties = properties;
	}

	/**
	 * Return whether a route is served for a chain.
	 * @param chain the chain's name
	 * @param route the route
	 * @return whether it is served
	 */
	boolean served(String chain, ChainRoute route) {
		RouteSwitch routeSwitch = RouteSwitch.of(route);
		if (routeSwitch == null) {
			return true;
		}
		Boolean own = routeSwitch.in(this.properties.chainRoutes().get(chain));
		Boolean global = (own != null) ? own : routeSwitch.in(this.properties.routes());
		return global == null || global;
	}

	/**
	 * Return the routes served for a chain, in the order of {@link ChainRoute}.
	 * @param chain the chain's name
	 * @return the served routes
	 */
	List<ChainRoute> servedRoutes(String chain) {
		return ChainRoute.all().stream().filter((route) -> served(chain, route)).toList();
	}

	/**
	 * Return a handler that serves the route only for chains it is switched on for, and answers 404
	 * naming the switch for the others.
	 * @param route the route
	 * @param handler the route's handler
	 * @return the guarded handler
	 */
	HandlerFunction<ServerResponse> guard(ChainRoute route, HandlerFunction<ServerResponse> handler) {
		return (request) -> {
			String chain = request.pathVariable("name");
			if (served(chain, route)) {
				return handler.handle(request);
			}
			String property = RouteSwitch.of(route).property();
			ChainRequestException off = new ChainRequestException(HttpStatus.NOT_FOUND, "The " + route.path()
					+ " route is turned off for chain '" + chain + "' (lcel.server.routes." + property
					+ ", lcel.server.chain-routes." + chain + "." + property + ")");
			return Mono.defer(() -> ChainErrors.problem(request, off, null));
		};
	}

}
