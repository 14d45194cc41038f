package dev.lcel.core.models;

import java.time.Duration;
import java.util.Optional;

import dev.lcel.core.LcelException;
import dev.lcel.core.UpstreamFailure;
import dev.lcel.core.runnable.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A failure of a chat model's provider: the provider refused the call, failed, timed out, or broke
 * off its answer. Subclasses name the cause; each carries the provider's name, the HTTP status (0
 * when the failure came without one, in a stream or from the network) and the provider's own
 * message, never an API key.
 *
 * <p>As an {@link UpstreamFailure} it tells {@link RetryPolicy} whether a
 * retry may help and how long the provider asked to wait, and tells the HTTP layer which status to
 * answer its own client with.
 */
public class ChatModelException extends LcelException implements UpstreamFailure {

	private final String provider;

	private final int status;

	private final boolean retriable;

	private final @Nullable Duration retryAfter;

	private final Kind kind;

	/**
	 * Create an exception.
	 * @param provider the provider's name, such as {@code openai}
	 * @param status the HTTP status, or 0 when there was none
	 * @param message what went wrong, in the provider's words where it gave any
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public ChatModelException(String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		this(Kind.FAILED, provider, status, message, retriable, retryAfter, cause);
	}

	/**
	 * Create an exception of a subclass that names its kind of failure.
	 * @param kind how a server answers its own client for this failure
	 * @param provider the provider's name, such as {@code openai}
	 * @param status the HTTP status, or 0 when there was none
	 * @param message what went wrong, in the provider's words where it gave any
	 * @param retriable whether the same call may succeed if tried again
	 * @param retryAfter how long the provider asked to wait, or {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	protected ChatModelException(Kind kind, String provider, int status, String message, boolean retriable,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.provider = provider;
		this.status = status;
		this.retriable = retriable;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the name of the provider that failed.
	 * @return the provider, such as {@code anthropic}
	 */
	public String getProvider() {
		return this.provider;
	}

	/**
	 * Return the HTTP status the provider answered with.
	 * @return the status, or 0 when the failure came without one
	 */
	public int getStatus() {
		return this.status;
	}

	@Override
	public final Kind kind() {
		return this.kind;
	}

	@Override
	public boolean retriable() {
		return this.retriable;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
