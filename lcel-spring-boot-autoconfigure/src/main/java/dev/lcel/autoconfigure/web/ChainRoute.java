package dev.lcel.autoconfigure.web;

import java.util.function.Function;

import org.springframework.http.HttpMethod;

/**
 * The routes served for each chain, under {@code BASE-PATH/NAME/}: their path, method and the
 * switch of {@link LcelServerProperties.Routes} that turns them off, if any. The route table, the
 * chain list's links and the OpenAPI document are all made from this one list.
 */
enum ChainRoute {

	/** Run once. */
	INVOKE("invoke", HttpMethod.POST, null),

	/** Run on many inputs. */
	BATCH("batch", HttpMethod.POST, LcelServerProperties.Routes::getBatch),

	/** Stream the output's chunks. */
	STREAM("stream", HttpMethod.POST, null),

	/** Stream the run log as JSON Patch operations. */
	STREAM_LOG("stream_log", HttpMethod.POST, LcelServerProperties.Routes::getStreamLog),

	/** Stream typed events. */
	STREAM_EVENTS("stream_events", HttpMethod.POST, LcelServerProperties.Routes::getStreamEvents),

	/** The input, output and config schemas. */
	SCHEMA("schema", HttpMethod.GET, LcelServerProperties.Routes::getSchema),

	/** The input schema. */
	INPUT_SCHEMA("input_schema", HttpMethod.GET, LcelServerProperties.Routes::getSchema),

	/** The output schema. */
	OUTPUT_SCHEMA("output_schema", HttpMethod.GET, LcelServerProperties.Routes::getSchema),

	/** The config schema. */
	CONFIG_SCHEMA("config_schema", HttpMethod.GET, LcelServerProperties.Routes::getSchema),

	/** The graph: nodes, edges, Mermaid and ASCII drawings. */
	GRAPH("graph", HttpMethod.GET, null),

	/** The playground page. */
	PLAYGROUND("playground", HttpMethod.GET, LcelServerProperties.Routes::getPlayground);

	private final String path;

	private final HttpMethod method;

	private final Function<LcelServerProperties.Routes, Boolean> toggle;

	ChainRoute(String path, HttpMethod method, Function<LcelServerProperties.Routes, Boolean> toggle) {
		this.path = path;
		this.method = method;
		this.toggle = toggle;
	}

	/**
	 * Return the route's last path segment, such as {@code stream_log}.
	 * @return the path segment
	 */
	String path() {
		return this.path;
	}

	/**
	 * Return the route's HTTP method.
	 * @return {@code GET} or {@code POST}
	 */
	HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the value a set of switches gives this route.
	 * @param routes the switches
	 * @return {@code true} or {@code false} when set there, {@code null} when not set or when the
	 * route cannot be switched off
	 */
	Boolean switchIn(LcelServerProperties.Routes routes) {
		return (this.toggle != null && routes != null) ? this.toggle.apply(routes) : null;
	}

	/**
	 * Return whether this route can be switched off.
	 * @return whether a switch governs it
	 */
	boolean switchable() {
		return this.toggle != null;
	}

	/**
	 * Return the property that switches the route off, for messages.
	 * @return such as {@code stream-log}
	 */
	String switchName() {
		return switch (this) {
			case BATCH -> "batch";
			case STREAM_LOG -> "stream-log";
			case STREAM_EVENTS -> "stream-events";
			case SCHEMA, INPUT_SCHEMA, OUTPUT_SCHEMA, CONFIG_SCHEMA -> "schema";
			case PLAYGROUND -> "playground";
			default -> this.path;
		};
	}

}
