package dev.lcel.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure of a service that a chain called (a model provider, a remote chain), described so that
 * a server can answer its own client correctly: 429 with {@code Retry-After} when rate limited, 504
 * when the service did not answer in time, 502 otherwise. Exceptions of model clients and
 * {@link dev.lcel.core.remote.RemoteRunnableException} implement it.
 */
public interface UpstreamFailure {

	/**
	 * Return what went wrong upstream.
	 * @return the kind of failure
	 */
	Kind kind();

	/**
	 * Return how long the service asked callers to wait before trying again, if it said.
	 * @return the wait, or empty
	 */
	default Optional<Duration> retryAfter() {
		return Optional.empty();
	}

	/**
	 * Return whether trying the same call again may succeed: {@code false} for a refused request
	 * (bad credentials, a malformed request, an exhausted quota), which
	 * {@link dev.lcel.core.runnable.RetryPolicy} then never retries.
	 * @return whether the call is worth retrying; {@code true} by default
	 */
	default boolean retriable() {
		return true;
	}

	/**
	 * Return whether a call that a service answered with an HTTP status may succeed if tried again:
	 * for 408, 409, 429 and every 5xx, not for the other 4xx, which the same request would get
	 * again.
	 * @param status the HTTP status
	 * @return whether the status is worth a retry
	 */
	static boolean isRetriableStatus(int status) {
		return status == 408 || status == 409 || status == 429 || status >= 500;
	}

	/**
	 * What went wrong upstream.
	 */
	enum Kind {

		/** The service is rate limiting or overloaded. */
		RATE_LIMITED,

		/** The service did not answer in time. */
		TIMED_OUT,

		/** The service failed, refused the request, or broke off its answer. */
		FAILED

	}

}
