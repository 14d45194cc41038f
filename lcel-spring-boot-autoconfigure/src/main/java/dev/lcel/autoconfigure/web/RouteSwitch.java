package dev.lcel.autoconfigure.web;

import java.util.function.Function;

import dev.lcel.core.wire.ChainRoute;
import org.jspecify.annotations.Nullable;

/**
 * The switches of {@link LcelServerProperties.Routes} and the routes each turns off;
 * {@code invoke}, {@code stream} and {@code graph} have none and are always served.
 */
enum RouteSwitch {

	BATCH("batch", LcelServerProperties.Routes::batch),

	STREAM_LOG("stream-log", LcelServerProperties.Routes::streamLog),

	STREAM_EVENTS("stream-events", LcelServerProperties.Routes::streamEvents),

	SCHEMA("schema", LcelServerProperties.Routes::schema),

	PLAYGROUND("playground", LcelServerProperties.Routes::playground);

	private final String property;

	private final Function<LcelServerProperties.Routes, @Nullable Boolean> value;

	RouteSwitch(String property, Function<LcelServerProperties.Routes, @Nullable Boolean> value) {
		this.property = property;
		this.value = value;
	}

	/**
	 * Return the switch that governs a route.
	 * @param route the route
	 * @return its switch, {@code null} when it is always served
	 */
	static @Nullable RouteSwitch of(ChainRoute route) {
		return switch (route) {
			case BATCH -> BATCH;
			case STREAM_LOG -> STREAM_LOG;
			case STREAM_EVENTS -> STREAM_EVENTS;
			case SCHEMA, INPUT_SCHEMA, OUTPUT_SCHEMA, CONFIG_SCHEMA -> SCHEMA;
			case PLAYGROUND -> PLAYGROUND;
			case INVOKE, STREAM, GRAPH -> null;
		};
	}

	/**
	 * Return the switch's property name under {@code lcel.server.routes}.
	 * @return such as {@code stream-log}
	 */
	String property() {
		return this.property;
	}

	/**
	 * Return the value a set of switches gives this one.
	 * @param routes the switches, {@code null} when none are set
	 * @return {@code true} or {@code false} when set there, {@code null} when not
	 */
	@Nullable Boolean in(LcelServerProperties.@Nullable Routes routes) {
		return (routes != null) ? this.value.apply(routes) : null;
	}

}
