package dev.lcel.core.remote;

import dev.lcel.core.LcelException;
import dev.lcel.core.UpstreamFailure;

/**
 * Thrown when a remote chain answers with an error: a non-2xx status before a response, or an
 * {@code error} event in a stream. Carries the status and the message the server sent.
 */
public class RemoteRunnableException extends LcelException implements UpstreamFailure {

	private final int status;

	/**
	 * Create an exception for a remote failure.
	 * @param status the HTTP status the server reported
	 * @param message the server's message
	 */
	public RemoteRunnableException(int status, String message) {
		super("Remote chain failed with status " + status + ": " + message);
		this.status = status;
	}

	/**
	 * Return the HTTP status the server reported.
	 * @return the status code
	 */
	public int getStatus() {
		return this.status;
	}

	@Override
	public Kind kind() {
		if (this.status == 429 || this.status == 503) {
			return Kind.RATE_LIMITED;
		}
		return (this.status == 408 || this.status == 504) ? Kind.TIMED_OUT : Kind.FAILED;
	}

	/**
	 * Return whether the call may succeed if tried again: not for a 4xx other than 408, 409 and
	 * 429, which the same request would get again.
	 */
	@Override
	public boolean retriable() {
		return this.status < 400 || UpstreamFailure.isRetriableStatus(this.status);
	}

}
