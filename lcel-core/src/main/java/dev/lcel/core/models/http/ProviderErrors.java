package dev.lcel.core.models.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import dev.lcel.core.UpstreamFailure;
import dev.lcel.core.models.AuthenticationException;
import dev.lcel.core.models.BadRequestException;
import dev.lcel.core.models.ChatModelException;
import dev.lcel.core.models.ModelNotFoundException;
import dev.lcel.core.models.ModelOverloadedException;
import dev.lcel.core.models.ModelTimeoutException;
import dev.lcel.core.models.ProviderException;
import dev.lcel.core.models.RateLimitException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a provider answers when it fails (a status with an error body, or an error event in
 * a stream) into the matching {@link ChatModelException}. The three providers' error bodies differ
 * only in shape: OpenAI's {@code {"error":{"message","type","code"}}}, Anthropic's
 * {@code {"type":"error","error":{"type","message"}}} and Ollama's {@code {"error":"..."}}.
 *
 * <p>Retriable are 408, 409, 429 (but not an exhausted quota), 529 and every 5xx, unless the
 * provider's {@code x-should-retry} header says otherwise. The wait comes from
 * {@code retry-after-ms}, else {@code retry-after} (seconds or an HTTP date).
 */
final class ProviderErrors {

	private static final int MAX_BODY_IN_MESSAGE = 500;

	private ProviderErrors() {
	}

	/**
	 * Return the exception for a non-2xx response.
	 * @param provider the provider's name
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @return the exception
	 */
	static ChatModelException fromResponse(String provider, int status, HttpHeaders headers, String body) {
		ErrorBody error = ErrorBody.parse(body);
		Duration retryAfter = retryAfter(headers);
		boolean retriable = shouldRetry(headers, UpstreamFailure.isRetriableStatus(status));
		String message = provider + " answered " + status + ": " + error.message();
		if (status == 401 || status == 403) {
			return new AuthenticationException(provider, status, message, false, null, null);
		}
		if (status == 404) {
			return new ModelNotFoundException(provider, status, message, false, null, null);
		}
		if (status == 429) {
			boolean quota = error.isQuota();
			return new RateLimitException(provider, status, message, retriable && !quota, quota ? null : retryAfter,
					null);
		}
		if (status == 529 || status == 503 || error.is("overloaded_error")) {
			return new ModelOverloadedException(provider, status, message, retriable, retryAfter, null);
		}
		if (status == 408 || status == 504) {
			return new ModelTimeoutException(provider, status, message, retriable, retryAfter, null);
		}
		if (status >= 500 || status == 409) {
			return new ProviderException(provider, status, message, retriable, retryAfter, null);
		}
		return new BadRequestException(provider, status, message, false, null, null);
	}

	/**
	 * Return the exception for an error the provider reported inside a stream it had begun with a
	 * 200 (OpenAI's {@code data: {"error":...}}, Anthropic's {@code event: error}, Ollama's
	 * {@code {"error":...}} line).
	 * @param provider the provider's name
	 * @param event the event's JSON, holding an {@code error} member
	 * @return the exception
	 */
	static ChatModelException fromStreamError(String provider, JsonNode event) {
		ErrorBody error = ErrorBody.of(event);
		String message = provider + " reported an error in its stream: " + error.message();
		if (error.isQuota()) {
			return new RateLimitException(provider, 0, message, false, null, null);
		}
		if (error.is("rate_limit_error") || error.is("rate_limit_exceeded")) {
			return new RateLimitException(provider, 0, message, true, null, null);
		}
		if (error.is("overloaded_error")) {
			return new ModelOverloadedException(provider, 0, message, true, null, null);
		}
		if (error.is("authentication_error") || error.is("invalid_api_key") || error.is("permission_error")) {
			return new AuthenticationException(provider, 0, message, false, null, null);
		}
		if (error.is("invalid_request_error")) {
			return new BadRequestException(provider, 0, message, false, null, null);
		}
		if (error.is("timeout_error")) {
			return new ModelTimeoutException(provider, 0, message, true, null, null);
		}
		return new ProviderException(provider, 0, message, true, null, null);
	}

	/**
	 * Return how long a provider asked to wait before the next call: {@code retry-after-ms}
	 * (milliseconds), else {@code retry-after} (seconds, or an HTTP date).
	 * @param headers the response headers
	 * @return the wait, or {@code null} when the provider did not say
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers) {
		String millis = headers.getFirst("retry-after-ms");
		if (millis != null) {
			try {
				return Duration.ofNanos((long) (Double.parseDouble(millis.trim()) * 1_000_000));
			}
			catch (NumberFormatException ex) {
				// Fall back to retry-after.
			}
		}
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofNanos((long) (Double.parseDouble(value.trim()) * 1_000_000_000));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static boolean shouldRetry(HttpHeaders headers, boolean byStatus) {
		String header = headers.getFirst("x-should-retry");
		if ("true".equalsIgnoreCase(header)) {
			return true;
		}
		return !"false".equalsIgnoreCase(header) && byStatus;
	}

	/**
	 * The parts of a provider's error body that decide the exception: its message, and its type
	 * and code where the provider gives them.
	 */
	private record ErrorBody(String message, @Nullable String type, @Nullable String code) {

		static ErrorBody parse(String body) {
			if (body == null || body.isBlank()) {
				return new ErrorBody("(no error body)", null, null);
			}
			try {
				JsonNode node = JsonMapper.shared().readTree(body);
				if (node.has("error")) {
					return of(node);
				}
			}
			catch (JacksonException ex) {
				// Not JSON: a proxy's page, say; report its start.
			}
			String text = body.strip();
			return new ErrorBody((text.length() > MAX_BODY_IN_MESSAGE) ? text.substring(0, MAX_BODY_IN_MESSAGE) + "..."
					: text, null, null);
		}

		static ErrorBody of(JsonNode node) {
			JsonNode error = node.path("error");
			if (error.isString()) {
				return new ErrorBody(error.asString(), null, null);
			}
			String message = error.path("message").asString("(no message)");
			return new ErrorBody(message, text(error.path("type")), text(error.path("code")));
		}

		private static @Nullable String text(JsonNode node) {
			return (node.isValueNode() && !node.isNull()) ? node.asString() : null;
		}

		boolean is(String name) {
			return name.equals(this.type) || name.equals(this.code);
		}

		boolean isQuota() {
			return is("insufficient_quota") || is("billing_error");
		}

	}

}
