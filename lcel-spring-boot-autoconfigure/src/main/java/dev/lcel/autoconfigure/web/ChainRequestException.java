package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, and why: becomes an RFC 9457 problem response with the given
 * status. Its message is meant for the client.
 */
class ChainRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<Map<String, String>> errors;

	ChainRequestException(HttpStatus status, String detail) {
		this(status, detail, List.of());
	}

	ChainRequestException(HttpStatus status, String detail, List<Map<String, String>> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = errors;
	}

	HttpStatus getStatus() {
		return this.status;
	}

	/**
	 * Return the field errors: each with the {@code field} (a JSON Pointer into the request body)
	 * and a {@code message}.
	 */
	List<Map<String, String>> getErrors() {
		return this.errors;
	}

}
