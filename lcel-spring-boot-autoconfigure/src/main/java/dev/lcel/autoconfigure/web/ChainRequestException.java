package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, and why: becomes an RFC 9457 problem response with the given
 * status. Its message is meant for the client.
 */
public class ChainRequestException extends RuntimeException {

	private final HttpStatus status;

	private final List<Map<String, String>> errors;

	private final long errorCount;

	ChainRequestException(HttpStatus status, String detail) {
		this(status, detail, List.of());
	}

	ChainRequestException(HttpStatus status, String detail, List<Map<String, String>> errors) {
		this(status, detail, errors, errors.size());
	}

	ChainRequestException(HttpStatus status, String detail, List<Map<String, String>> errors, long errorCount) {
		super(detail, null, false, false);
		this.status = status;
		this.errors = errors;
		this.errorCount = errorCount;
	}

	/**
	 * Return a 422 for one field of the request body.
	 * @param field where, as a JSON Pointer into the request body
	 * @param message what is wrong there, in the client's terms
	 * @return the exception
	 */
	static ChainRequestException unprocessable(String field, String message) {
		String shown = ProblemText.abbreviate(field);
		return new ChainRequestException(HttpStatus.UNPROCESSABLE_CONTENT, shown + ": " + message,
				List.of(Map.of("field", shown, "message", message)));
	}

	/**
	 * Return the status the request is answered with.
	 * @return the status
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

	/**
	 * Return the field errors: each with the {@code field} (a JSON Pointer into the request body)
	 * and a {@code message}.
	 */
	List<Map<String, String>> getErrors() {
		return this.errors;
	}

	/**
	 * Return how many errors were found, of which {@link #getErrors()} lists the first.
	 */
	long getErrorCount() {
		return this.errorCount;
	}

}
