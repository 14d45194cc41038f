package dev.lcel.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.remote.WireValues;
import dev.lcel.core.runnable.Runnable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the body of a chain request in LangServe's shape ({@code input} or {@code inputs},
 * {@code config}, {@code kwargs}) within the size limit, checks the input against the chain's
 * schema, and takes only the allow-listed config keys.
 */
final class ChainRequestReader {

	private final JsonMapper json;

	private final LcelServerProperties properties;

	private final ClientConfig clientConfig;

	private final InputValidator validator = new InputValidator();

	private final List<ChainRequestConfigCustomizer> customizers;

	ChainRequestReader(JsonMapper json, LcelServerProperties properties, List<ChainRequestConfigCustomizer> customizers) {
		this.json = json;
		this.properties = properties;
		this.clientConfig = new ClientConfig(properties.getConfigKeys());
		this.customizers = customizers;
	}

	/** One input with its config. */
	record Call(Object input, RunnableConfig config) {
	}

	Mono<JsonNode> body(ServerRequest request) {
		long limit = this.properties.getMaxRequestSize().toBytes();
		if (request.headers().contentLength().orElse(0) > limit) {
			return Mono.error(tooLarge(limit));
		}
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(limit, Integer.MAX_VALUE))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit))
			.map((buffer) -> {
				try (var stream = buffer.asInputStream(true)) {
					JsonNode body = this.json.readTree(stream);
					if (body == null || !body.isObject()) {
						throw new ChainRequestException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
					}
					return body;
				}
				catch (JacksonException ex) {
					throw new ChainRequestException(HttpStatus.BAD_REQUEST, "Malformed JSON: " + ex.getOriginalMessage());
				}
				catch (java.io.IOException ex) {
					throw new ChainRequestException(HttpStatus.BAD_REQUEST, "The request body could not be read");
				}
			})
			.switchIfEmpty(Mono.error(() -> new ChainRequestException(HttpStatus.BAD_REQUEST,
					"The request body is empty; send {\"input\": ...}")));
	}

	Call call(String name, Runnable<?, ?> chain, ServerRequest request, JsonNode body) {
		JsonNode input = body.get("input");
		if (input == null) {
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "The request has no 'input'",
					List.of(java.util.Map.of("field", "/input", "message", "required")));
		}
		this.validator.validate(chain, input, "/input");
		return new Call(input(chain, input, "/input"), config(name, request, body.get("config")));
	}

	List<Call> calls(String name, Runnable<?, ?> chain, ServerRequest request, JsonNode body) {
		JsonNode inputs = body.get("inputs");
		if (inputs == null || !inputs.isArray()) {
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "The request has no 'inputs' array",
					List.of(java.util.Map.of("field", "/inputs", "message", "required, an array")));
		}
		if (inputs.size() > this.properties.getMaxBatchSize()) {
			throw new ChainRequestException(HttpStatus.CONTENT_TOO_LARGE, "A batch may carry at most "
					+ this.properties.getMaxBatchSize() + " inputs, this one has " + inputs.size());
		}
		JsonNode configs = body.get("config");
		List<Call> calls = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			this.validator.validate(chain, inputs.get(i), "/inputs/" + i);
			JsonNode config = (configs != null && configs.isArray()) ? configs.get(i) : configs;
			calls.add(new Call(input(chain, inputs.get(i), "/inputs/" + i), config(name, request, config)));
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
					List.of(java.util.Map.of("field", pointer, "message", "must not be null")));
		}
		java.lang.reflect.Type type = chain.inputType();
		if (type == Object.class) {
			return WireValues.toJava(this.json, input);
		}
		try {
			return this.json.treeToValue(input, this.json.constructType(type));
		}
		catch (JacksonException ex) {
			throw new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
					"The input cannot be read as " + this.json.constructType(type).getRawClass().getSimpleName() + ": "
							+ ex.getOriginalMessage(),
					List.of(java.util.Map.of("field", pointer, "message", ex.getOriginalMessage())));
		}
	}

	private RunnableConfig config(String name, ServerRequest request, JsonNode json) {
		RunnableConfig config = this.clientConfig.read(json);
		for (ChainRequestConfigCustomizer customizer : this.customizers) {
			config = customizer.customize(name, request, config);
		}
		return config.toBuilder().runId(UUID.randomUUID()).build();
	}

	private static ChainRequestException tooLarge(long limit) {
		return new ChainRequestException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + limit + " bytes (lcel.server.max-request-size)");
	}

}
