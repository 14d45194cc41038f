package dev.lcel.autoconfigure.web;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.wire.ChainRoute;
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

import org.springframework.http.HttpMethod;

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
			if (this.properties.expose().isEmpty() || this.properties.expose().contains(name)) {
				addChain(openApi.getPaths(), base + "/" + name, name, chain);
			}
		});
	}

	private void addChain(Paths paths, String path, String name, Runnable<?, ?> chain) {
		Schema<?> input = schema(chain.inputSchema().toString());
		Schema<?> output = schema(chain.outputSchema().toString());
		Schema<?> config = schema(ServedConfigSchema.of(chain, this.properties.configKeys()).toString());
		String description = this.chains.description(name).orElse("");
		for (ChainRoute route : this.switches.servedRoutes(name)) {
			Operation operation = operation(name, route, description,
					new Content().addMediaType(route.produces().toString(), new MediaType().schema(answer(route, input, output, config))));
			if (route.method() == HttpMethod.POST) {
				operation.requestBody(new RequestBody().required(true).content(json(request(route, input, config))));
				paths.addPathItem(route.under(path), new PathItem().post(operation));
			}
			else {
				paths.addPathItem(route.under(path), new PathItem().get(operation));
			}
		}
	}

	/** The request body of a POST route: LangServe's {@code {input, config, kwargs}}, or a batch of inputs. */
	private static Schema<?> request(ChainRoute route, Schema<?> input, Schema<?> config) {
		if (route == ChainRoute.BATCH) {
			return object(Map.of("inputs", new Schema<>().type("array").items(input), "config", new Schema<>()), "inputs");
		}
		return object(Map.of("input", input, "config", config, "kwargs", new Schema<>().type("object")), "input");
	}

	/** The schema of a route's answer; a stream or a page is text. */
	private static Schema<?> answer(ChainRoute route, Schema<?> input, Schema<?> output, Schema<?> config) {
		return switch (route) {
			case INVOKE -> object(Map.of("output", output, "metadata", new Schema<>().type("object")), "output");
			case BATCH -> object(Map.of("output", new Schema<>().type("array").items(output), "metadata",
					new Schema<>().type("object")), "output");
			case STREAM, STREAM_LOG, STREAM_EVENTS, PLAYGROUND -> new Schema<>().type("string");
			case SCHEMA -> object(Map.of("input", input, "output", output, "config", config));
			case INPUT_SCHEMA -> input;
			case OUTPUT_SCHEMA -> output;
			case CONFIG_SCHEMA -> config;
			case GRAPH -> new Schema<>().type("object");
		};
	}

	private static Operation operation(String chain, ChainRoute route, String description, Content response) {
		String summary = route.summary() + " (" + chain + ")"
				+ (route.streams() ? " as server-sent events: metadata, data..., end." : ".")
				+ ((route == ChainRoute.INVOKE && !description.isEmpty()) ? " " + description : "");
		ApiResponses responses = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(response));
		Content problem = new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object")));
		responses.addApiResponse("4XX", new ApiResponse().description("A problem with the request (RFC 9457)").content(problem));
		return new Operation().operationId(chain + "_" + route.path()).summary(summary).addTagsItem(chain).responses(responses);
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
