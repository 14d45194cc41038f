package dev.lcel.core.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The routes LangServe's protocol serves for each chain, under the chain's own path
 * ({@code /chains/NAME}): their last path segment, HTTP method and what they answer. The one list
 * of routes: the server's router, handler, OpenAPI document and chain list, and
 * {@link dev.lcel.core.remote.RemoteRunnable}, all take their routes from here.
 */
public enum ChainRoute {

	/** Run once: {@code {input, config, kwargs}} in, {@code {output, metadata}} out. */
	INVOKE("invoke", HttpMethod.POST, MediaType.APPLICATION_JSON, "Run the chain once"),

	/** Run on many inputs: {@code {inputs, config}} in, {@code {output: [...], metadata}} out. */
	BATCH("batch", HttpMethod.POST, MediaType.APPLICATION_JSON, "Run the chain on many inputs"),

	/** Stream the output's chunks as server-sent events. */
	STREAM("stream", HttpMethod.POST, MediaType.TEXT_EVENT_STREAM, "Stream the output's chunks"),

	/** Stream the run log as JSON Patch operations. */
	STREAM_LOG("stream_log", HttpMethod.POST, MediaType.TEXT_EVENT_STREAM, "Stream the run log as JSON Patch operations"),

	/** Stream typed events. */
	STREAM_EVENTS("stream_events", HttpMethod.POST, MediaType.TEXT_EVENT_STREAM, "Stream the runs' events"),

	/** The input, output and config schemas. */
	SCHEMA("schema", HttpMethod.GET, MediaType.APPLICATION_JSON, "The input, output and config schemas"),

	/** The input schema. */
	INPUT_SCHEMA("input_schema", HttpMethod.GET, MediaType.APPLICATION_JSON, "The input schema"),

	/** The output schema. */
	OUTPUT_SCHEMA("output_schema", HttpMethod.GET, MediaType.APPLICATION_JSON, "The output schema"),

	/** The config schema. */
	CONFIG_SCHEMA("config_schema", HttpMethod.GET, MediaType.APPLICATION_JSON, "The config schema"),

	/** The graph: nodes, edges, Mermaid and ASCII drawings. */
	GRAPH("graph", HttpMethod.GET, MediaType.APPLICATION_JSON, "The steps as nodes and edges"),

	/** The playground page. */
	PLAYGROUND("playground", HttpMethod.GET, MediaType.TEXT_HTML, "A page to try the chain");

	private static final List<ChainRoute> ALL = List.of(values());

	private final String path;

	private final HttpMethod method;

	private final MediaType produces;

	private final String summary;

	ChainRoute(String path, HttpMethod method, MediaType produces, String summary) {
		this.path = path;
		this.method = method;
		this.produces = produces;
		this.summary = summary;
	}

	/**
	 * Return every route, in the order above.
	 * @return the routes, an unmodifiable list
	 */
	public static List<ChainRoute> all() {
		return ALL;
	}

	/**
	 * Return the route with this last path segment.
	 * @param path such as {@code stream_log}
	 * @return the route, or empty when there is none of that name
	 */
	public static Optional<ChainRoute> ofPath(String path) {
		return Arrays.stream(values()).filter((route) -> route.path.equals(path)).findFirst();
	}

	/**
	 * Return the route's last path segment, such as {@code stream_log}.
	 * @return the path segment
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Return the route's path under a chain's path.
	 * @param chainPath the chain's path, such as {@code /chains/joke} or {@code /chains/{name}},
	 * without a trailing slash
	 * @return such as {@code /chains/joke/stream_log}
	 */
	public String under(String chainPath) {
		return chainPath + "/" + this.path;
	}

	/**
	 * Return the route's HTTP method.
	 * @return {@code GET} or {@code POST}
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * Return the media type of the route's answer.
	 * @return {@code application/json}, {@code text/event-stream} or {@code text/html}
	 */
	public MediaType produces() {
		return this.produces;
	}

	/**
	 * Return whether the route answers with server-sent events ({@link SseEvent}).
	 * @return whether it streams
	 */
	public boolean streams() {
		return MediaType.TEXT_EVENT_STREAM.equals(this.produces);
	}

	/**
	 * Return whether the route serves one of a chain's schemas on its own (the {@code schema} route
	 * serves them together).
	 * @return whether it is {@code input_schema}, {@code output_schema} or {@code config_schema}
	 */
	public boolean singleSchema() {
		return this == INPUT_SCHEMA || this == OUTPUT_SCHEMA || this == CONFIG_SCHEMA;
	}

	/**
	 * Return what the route is for, in a few words, for API documents.
	 * @return such as {@code Run the chain once}
	 */
	public String summary() {
		return this.summary;
	}

}
