package dev.lcel.core.governance;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.BaseMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides whether the runs of a caller may spend more tokens, and counts what they spend: a budget
 * per key (a user, a tenant, an API key). {@link WindowedTokenQuota} counts tokens per key per
 * window; an application may decide otherwise (plans, a billing service) by implementing this.
 *
 * <p>A run is keyed by its metadata: {@link #KEY_METADATA} holds the key, which a server sets from
 * what it knows of the request (the authenticated principal, a header a gateway sets); a client
 * cannot set it, since metadata keys starting with {@code __} never cross the wire. As a
 * {@link ModelCallGate}, {@link #gate()} checks the key before each model call of the run and spends
 * the call's reported tokens (input and output; the estimate of its input when it reported none)
 * after it; a run without a key is not metered.
 */
public interface TokenQuota {

	/** The run metadata key that holds a run's quota key. */
	String KEY_METADATA = "__lcel_quota_key";

	/**
	 * Decide whether a key may start another model call.
	 * @param key the caller's key
	 * @return completes empty when it may, fails with a {@link QuotaExceededException} when not
	 */
	Mono<Void> check(String key);

	/**
	 * Count tokens a key's model call spent.
	 * @param key the caller's key
	 * @param tokens the tokens, not negative
	 * @return completes when counted
	 */
	Mono<Void> spend(String key, long tokens);

	/**
	 * Return the key of a run, from its metadata.
	 * @param config the run's config
	 * @return the key, or {@code null} for a run that is not metered
	 */
	static @Nullable String keyOf(RunnableConfig config) {
		Object key = config.metadata().get(KEY_METADATA);
		return (key != null) ? key.toString() : null;
	}

	/**
	 * Return this quota as a gate of model calls, estimating input tokens with
	 * {@link TokenEstimator#CHARACTERS_OVER_FOUR} for calls that report no usage.
	 * @return the gate
	 */
	default ModelCallGate gate() {
		return gate(TokenEstimator.CHARACTERS_OVER_FOUR);
	}

	/**
	 * Return this quota as a gate of model calls.
	 * @param estimator what a call that reports no usage is counted for
	 * @return the gate
	 */
	default ModelCallGate gate(TokenEstimator estimator) {
		return (List<BaseMessage> messages, RunnableConfig config) -> {
			String key = keyOf(config);
			if (key == null) {
				return Mono.just((usage) -> Mono.empty());
			}
			return check(key).then(Mono.fromSupplier(() -> (usage) -> spend(key,
					(usage != null) ? usage.totalTokens() : estimator.estimate(messages))));
		};
	}

}
