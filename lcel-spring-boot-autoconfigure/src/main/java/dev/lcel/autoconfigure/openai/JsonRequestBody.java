package dev.lcel.autoconfigure.openai;

import dev.lcel.autoconfigure.web.LcelServerProperties;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads a request body as a JSON object within the size limit of the chain routes
 * ({@code lcel.server.max-request-size}): a larger body is a 413, a body of another media type a
 * 415, and one that is not a JSON object a 400, each as OpenAI's error object.
 */
final class JsonRequestBody {

	private final JsonMapper json;

	private final LcelServerProperties limits;

	JsonRequestBody(JsonMapper json, LcelServerProperties limits) {
		this.json = json;
		this.limits = limits;
	}

	Mono<JsonNode> read(ServerRequest request) {
		long limit = this.limits.getMaxRequestSize().toBytes();
		MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_JSON);
		if (!type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
			return Mono.error(new OpenAiApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request_error", null,
					"unsupported_media_type", "The request body must be JSON (Content-Type: application/json), was " + type));
		}
		if (request.headers().contentLength().orElse(0) > limit) {
			return Mono.error(tooLarge(limit));
		}
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), (int) Math.min(limit, Integer.MAX_VALUE))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge(limit))
			.map((buffer) -> {
				try (var stream = buffer.asInputStream(true)) {
					JsonNode body = this.json.readTree(stream);
					if (body == null || !body.isObject()) {
						throw OpenAiApiException.invalid(null, "The request body must be a JSON object");
					}
					return body;
				}
				catch (JacksonException ex) {
					throw OpenAiApiException.invalid(null, "The request body is not valid JSON: " + ex.getOriginalMessage());
				}
				catch (java.io.IOException ex) {
					throw OpenAiApiException.invalid(null, "The request body could not be read");
				}
			})
			.switchIfEmpty(Mono.error(() -> OpenAiApiException.invalid(null,
					"The request body is empty; send {\"model\": ..., \"messages\": [...]}")));
	}

	private static OpenAiApiException tooLarge(long limit) {
		return new OpenAiApiException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", null, "request_too_large",
				"The request body is larger than the limit of " + limit + " bytes (lcel.server.max-request-size)");
	}

}
