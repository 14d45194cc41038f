package dev.lcel.core.governance;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link TokenQuota} of {@code tokensPerWindow} tokens per key in fixed windows of one length,
 * aligned to the epoch (a window of one day starts at midnight UTC), counted in a
 * {@link QuotaStore}. A key may start a model call while it has tokens left in the current window;
 * the call's whole usage counts, so a key may overshoot by the tokens of its last call. Refused, a
 * call learns when the next window starts.
 */
public final class WindowedTokenQuota implements TokenQuota {

	private final QuotaStore store;

	private final String name;

	private final long tokensPerWindow;

	private final Duration window;

	private final @Nullable Scheduler clock;

	/**
	 * Create a quota on the clock of Reactor's parallel scheduler.
	 * @param store where the counts live
	 * @param name the quota's name, which refusals show
	 * @param tokensPerWindow the tokens each key may spend per window, positive
	 * @param window the window's length, positive
	 */
	public WindowedTokenQuota(QuotaStore store, String name, long tokensPerWindow, Duration window) {
		this(store, name, tokensPerWindow, window, null);
	}

	/**
	 * Create a quota.
	 * @param store where the counts live
	 * @param name the quota's name, which refusals show
	 * @param tokensPerWindow the tokens each key may spend per window, positive
	 * @param window the window's length, positive
	 * @param clock the scheduler whose clock the windows follow; {@code null} for Reactor's
	 * parallel scheduler at the time of each call
	 */
	public WindowedTokenQuota(QuotaStore store, String name, long tokensPerWindow, Duration window,
			@Nullable Scheduler clock) {
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.name = Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(window, "window must not be null");
		if (tokensPerWindow <= 0 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A quota needs positive tokens and window, has " + tokensPerWindow
					+ " tokens per " + window);
		}
		this.tokensPerWindow = tokensPerWindow;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Mono<Void> check(String key) {
		Objects.requireNonNull(key, "key must not be null");
		return Mono.defer(() -> {
			long now = now();
			long window = now / this.window.toMillis();
			return this.store.spent(key, window).flatMap((spent) -> {
				if (spent < this.tokensPerWindow) {
					return Mono.empty();
				}
				Duration retryAfter = Duration.ofMillis((window + 1) * this.window.toMillis() - now);
				return Mono.error(new QuotaExceededException(this.name, this.tokensPerWindow, this.window, retryAfter));
			});
		});
	}

	@Override
	public Mono<Void> spend(String key, long tokens) {
		Objects.requireNonNull(key, "key must not be null");
		if (tokens < 0) {
			throw new IllegalArgumentException("tokens must not be negative, was " + tokens);
		}
		return Mono.defer(() -> (tokens == 0) ? Mono.empty()
				: this.store.add(key, now() / this.window.toMillis(), tokens, this.window.multipliedBy(2)).then());
	}

	private long now() {
		return ((this.clock != null) ? this.clock : Schedulers.parallel()).now(TimeUnit.MILLISECONDS);
	}

}
