package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tracing.CallbackHandler;
import dev.lcel.core.tracing.DefaultRunObservationConvention;
import dev.lcel.core.tracing.RunIds;
import dev.lcel.core.wire.ConfigCodec;
import dev.lcel.core.wire.ConfigLimits;
import dev.lcel.core.wire.InvalidWireValueException;
import dev.lcel.core.wire.WireValues;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the body of a chain request in LangServe's shape ({@code input} or {@code inputs},
 * {@code config}, {@code kwargs}) within the size limit ({@link JsonRequestBody}), checks the input
 * against the chain's schema, reads it strictly (a malformed message a 422 naming its field), and
 * takes only the allow-listed config keys.
 */
final class ChainRequestReader {

	private final JsonMapper json;

	private final LcelServerProperties properties;

	private final ConfigCodec clientConfig;

	private final InputValidator validator;

	private final JsonRequestBody body;

	/** LangServe's defaults when they come first, set on each request's builder rather than by customizing. */
	private final @Nullable LangServeRunDefaults defaults;

	private final List<ChainRequestConfigCustomizer> customizers;

	ChainRequestReader(JsonMapper json, LcelServerProperties properties, List<ChainRequestConfigCustomizer> customizers) {
		this.json = json;
		this.properties = properties;
		LcelServerProperties.Limits limits = properties.limits();
		this.clientConfig = new ConfigCodec(properties.configKeys(), new ConfigLimits(limits.maxTags(),
				limits.maxTagLength(), limits.maxMetadataSize().toBytes(), "lcel.server.limits"), json);
		this.validator = new InputValidator(properties.limits());
		this.body = new JsonRequestBody(json, properties.maxRequestSize().toBytes(),
				properties.limits().maxJsonValues());
		boolean defaultsFirst = !customizers.isEmpty() && customizers.get(0) instanceof LangServeRunDefaults;
		this.defaults = defaultsFirst ? (LangServeRunDefaults) customizers.get(0) : null;
		this.customizers = List.copyOf(defaultsFirst ? customizers.subList(1, customizers.size()) : customizers);
	}

	/** One input with its config. */
	record Call(Object input, RunnableConfig config) {
	}

	Mono<JsonNode> body(ServerRequest request) {
		return this.body.read(request);
	}

	Call call(String name, Runnable<?, ?> chain, ServerRequest request, JsonNode body, CallbackHandler handler) {
		JsonNode input = body.get("input");
		if (input == null) {
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "The request has no 'input'",
					List.of(Map.of("field", "/input", "message", "required")));
		}
		this.validator.validate(chain, input, "/input");
		return new Call(input(chain, input, "/input"), config(name, request, body.get("config"), "/config", handler));
	}

	List<Call> calls(String name, Runnable<?, ?> chain, ServerRequest request, JsonNode body, CallbackHandler handler) {
		JsonNode inputs = body.get("inputs");
		if (inputs == null || !inputs.isArray()) {
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "The request has no 'inputs' array",
					List.of(Map.of("field", "/inputs", "message", "required, an array")));
		}
		if (inputs.size() > this.properties.maxBatchSize()) {
			throw new ChainRequestException(HttpStatus.CONTENT_TOO_LARGE, "A batch may carry at most "
					+ this.properties.maxBatchSize() + " inputs, this one has " + inputs.size());
		}
		JsonNode configs = body.get("config");
		List<Call> calls = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			this.validator.validate(chain, inputs.get(i), "/inputs/" + i);
			boolean each = configs != null && configs.isArray();
			JsonNode config = each ? configs.get(i) : configs;
			calls.add(new Call(input(chain, inputs.get(i), "/inputs/" + i),
					config(name, request, config, each ? "/config/" + i : "/config", handler)));
		}
		return calls;
	}

	/**
	 * Read an input as the chain's declared input type, or as plain values when it declares none.
	 */
	private Object input(Runnable<?, ?> chain, JsonNode input, String pointer) {
		if (input.isNull()) {
			// A run carries a value: Reactor streams cannot hold null, and no step means anything by it.
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "The input is null; send a value",
					List.of(Map.of("field", pointer, "message", "must not be null")));
		}
		Type type = chain.inputType();
		try {
			if (type == Object.class) {
				return WireValues.toJava(this.json, input);
			}
			return this.json.treeToValue(input, this.json.constructType(type));
		}
		catch (JacksonException ex) {
			InvalidWireValueException invalid = InvalidWireValueException.from(ex);
			throw ChainRequestException.unprocessable(pointer + invalid.pointer(), invalid.problem());
		}
		catch (InvalidWireValueException ex) {
			throw ChainRequestException.unprocessable(pointer + ex.pointer(), ex.problem());
		}
	}

	/**
	 * Read a call's config: the client's allow-listed keys, then the customizers, then what the
	 * server sets itself (a new run id, the chain's registered name for metrics, which no client
	 * value can replace, and the request's own handler, such as its usage).
	 */
	private RunnableConfig config(String name, ServerRequest request, @Nullable JsonNode json, String pointer,
			CallbackHandler handler) {
		// One builder for the client's keys, LangServe's defaults and the server's own values: the
		// config is built once per call unless an application customizer needs a config in between.
		RunnableConfig.Builder builder = RunnableConfig.builder();
		try {
			this.clientConfig.read(json, pointer, builder);
		}
		catch (InvalidWireValueException ex) {
			throw ChainRequestException.unprocessable(ex.pointer(), ex.problem());
		}
		if (this.defaults != null) {
			this.defaults.apply(name, request, builder);
		}
		if (!this.customizers.isEmpty()) {
			RunnableConfig config = builder.build();
			for (ChainRequestConfigCustomizer customizer : this.customizers) {
				config = customizer.customize(name, request, config);
			}
			builder = config.toBuilder();
		}
		return builder.runId(RunIds.next())
			.metadata(DefaultRunObservationConvention.CHAIN_METADATA_KEY, name)
			.callbacks(handler)
			.build();
	}

}
