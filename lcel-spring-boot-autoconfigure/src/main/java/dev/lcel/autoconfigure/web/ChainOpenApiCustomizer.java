package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.runnable.Runnable;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds every served chain's routes to the OpenAPI document, with the chain's own input and output
 * schemas in the request and response bodies, so API tools show what each chain takes and gives.
 */
final class ChainOpenApiCustomizer implements OpenApiCustomizer {

	private static final String JSON = "application/json";

	private final ChainRegistry chains;

	private final LcelServerProperties properties;

	private final RouteSwitches switches;

	ChainOpenApiCustomizer(ChainRegistry chains, LcelServerProperties properties) {
		this.chains = chains;
		this.properties = properties;
		this.switches = new RouteSwitches(properties);
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			openApi.setPaths(new Paths());
		}
		String base = this.properties.routePrefix();
		this.chains.getChains().forEach((name, chain) -> {
			if (this.properties.getExpose().isEmpty() || this.properties.getExpose().contains(name)) {
				addChain(openApi.getPaths(), base + "/" + name, name, chain);
			}
		});
	}

	private void addChain(Paths paths, String path, String name, Runnable<?, ?> chain) {
		Schema<?> input = schema(chain.inputSchema().toString());
		Schema<?> output = schema(chain.outputSchema().toString());
		Schema<?> config = schema(ServedConfigSchema.of(chain, this.properties.getConfigKeys()).toString());
		String description = this.chains.description(name).orElse("");
		Schema<?> call = object(Map.of("input", input, "config", config, "kwargs", new Schema<>().type("object")), "input");
		add(paths, path, name, ChainRoute.INVOKE, post(name, "invoke", "Run " + name + " once. " + description, call,
				json(object(Map.of("output", output, "metadata", new Schema<>().type("object")), "output"))));
		add(paths, path, name, ChainRoute.BATCH, post(name, "batch", "Run " + name + " on many inputs.",
				object(Map.of("inputs", new Schema<>().type("array").items(input), "config", new Schema<>()), "inputs"),
				json(object(Map.of("output", new Schema<>().type("array").items(output), "metadata",
						new Schema<>().type("object")), "output"))));
		for (ChainRoute stream : List.of(ChainRoute.STREAM, ChainRoute.STREAM_LOG, ChainRoute.STREAM_EVENTS)) {
			add(paths, path, name, stream, post(name, stream.path(), "Run " + name + " and stream ("
					+ stream.path() + ") as server-sent events: metadata, data..., end.", call,
					new Content().addMediaType("text/event-stream", new MediaType().schema(new Schema<>().type("string")))));
		}
		add(paths, path, name, ChainRoute.SCHEMA, get(name, "schema", "The input, output and config schemas of " + name + ".",
				object(Map.of("input", input, "output", output, "config", config))));
		add(paths, path, name, ChainRoute.INPUT_SCHEMA, get(name, "input_schema", "The input schema of " + name + ".", input));
		add(paths, path, name, ChainRoute.OUTPUT_SCHEMA, get(name, "output_schema", "The output schema of " + name + ".", output));
		add(paths, path, name, ChainRoute.CONFIG_SCHEMA, get(name, "config_schema", "The config schema of " + name + ".", config));
		add(paths, path, name, ChainRoute.GRAPH, get(name, "graph", "The steps of " + name + " as nodes and edges.",
				new Schema<>().type("object")));
	}

	private void add(Paths paths, String path, String chain, ChainRoute route, PathItem item) {
		if (this.switches.served(chain, route)) {
			paths.addPathItem(path + "/" + route.path(), item);
		}
	}

	private static PathItem post(String chain, String route, String summary, Schema<?> body, Content response) {
		Operation operation = operation(chain, route, summary, response)
			.requestBody(new RequestBody().required(true).content(json(body)));
		return new PathItem().post(operation);
	}

	private static PathItem get(String chain, String route, String summary, Schema<?> body) {
		return new PathItem().get(operation(chain, route, summary, json(body)));
	}

	private static Operation operation(String chain, String route, String summary, Content response) {
		ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(response));
		Content problem = new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object")));
		responses.addApiResponse("4XX", new ApiResponse().description("A problem with the request (RFC 9457)").content(problem));
		return new Operation().operationId(chain + "_" + route).summary(summary).addTagsItem(chain).responses(responses);
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType(JSON, new MediaType().schema(schema));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> object(Map<String, Schema<?>> properties, String... required) {
		Schema schema = new Schema<>().type("object");
		properties.forEach(schema::addProperty);
		for (String name : required) {
			schema.addRequiredItem(name);
		}
		return schema;
	}

	private static Schema<?> schema(String json) {
		try {
			return Json31.mapper().readValue(json, Schema.class);
		}
		catch (JsonProcessingException ex) {
			return new Schema<>();
		}
	}

}
