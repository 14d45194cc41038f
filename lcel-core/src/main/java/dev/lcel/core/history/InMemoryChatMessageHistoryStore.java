package dev.lcel.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.lcel.core.messages.BaseMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ChatMessageHistoryStore} that keeps every session's history in this JVM's memory, each
 * an {@link InMemoryChatMessageHistory} with the store's message limit.
 *
 * <p>With a time to live, a session not written to for that long is forgotten: it is removed
 * when next looked up (and by {@link #evictExpired()}), as a Redis key with a TTL would be.
 */
public final class InMemoryChatMessageHistoryStore implements ChatMessageHistoryStore {

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final Duration timeToLive;

	private final int maxMessages;

	private final Clock clock;

	/**
	 * Create a store that keeps every message of every session for as long as the JVM runs.
	 */
	public InMemoryChatMessageHistoryStore() {
		this(null, 0, Clock.systemUTC());
	}

	/**
	 * Create a store.
	 * @param timeToLive how long a session is kept after its last write; {@code null} or zero for
	 * ever
	 * @param maxMessages the most messages kept per session; 0 for no limit
	 * @param clock the clock that times sessions
	 */
	public InMemoryChatMessageHistoryStore(Duration timeToLive, int maxMessages, Clock clock) {
		this.timeToLive = (timeToLive != null && !timeToLive.isZero()) ? timeToLive : null;
		if (this.timeToLive != null && this.timeToLive.isNegative()) {
			throw new IllegalArgumentException("timeToLive must not be negative, was " + timeToLive);
		}
		if (maxMessages < 0) {
			throw new IllegalArgumentException("maxMessages must not be negative, was " + maxMessages);
		}
		this.maxMessages = maxMessages;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public ChatMessageHistory forSession(String sessionId) {
		Objects.requireNonNull(sessionId, "sessionId must not be null");
		return new SessionHistory(sessionId);
	}

	/**
	 * Forget the sessions whose time to live has passed.
	 */
	public void evictExpired() {
		Instant now = this.clock.instant();
		this.sessions.entrySet().removeIf((entry) -> entry.getValue().expired(now));
	}

	private Session live(String sessionId) {
		Session session = this.sessions.get(sessionId);
		if (session != null && session.expired(this.clock.instant())) {
			this.sessions.remove(sessionId, session);
			return null;
		}
		return session;
	}

	private Session touch(String sessionId) {
		Session session = this.sessions.compute(sessionId, (id, existing) -> (existing == null
				|| existing.expired(this.clock.instant())) ? new Session(new InMemoryChatMessageHistory(this.maxMessages))
						: existing);
		session.writtenAt = this.clock.instant();
		return session;
	}

	/** One session's messages and when they were last written. */
	private final class Session {

		private final InMemoryChatMessageHistory history;

		private volatile Instant writtenAt;

		private Session(InMemoryChatMessageHistory history) {
			this.history = history;
			this.writtenAt = InMemoryChatMessageHistoryStore.this.clock.instant();
		}

		private boolean expired(Instant now) {
			Duration ttl = InMemoryChatMessageHistoryStore.this.timeToLive;
			return ttl != null && !now.isBefore(this.writtenAt.plus(ttl));
		}

	}

	/** The view of one session that {@link #forSession} returns: looks the session up per call. */
	private final class SessionHistory implements ChatMessageHistory {

		private final String sessionId;

		private SessionHistory(String sessionId) {
			this.sessionId = sessionId;
		}

		@Override
		public Flux<BaseMessage> getMessages() {
			return Flux.defer(() -> {
				Session session = live(this.sessionId);
				return (session != null) ? session.history.getMessages() : Flux.empty();
			});
		}

		@Override
		public Mono<Void> addMessages(List<? extends BaseMessage> messages) {
			List<BaseMessage> stored = StoredMessages.of(messages);
			return Mono.defer(() -> touch(this.sessionId).history.addMessages(stored));
		}

		@Override
		public Mono<Void> clear() {
			return Mono.fromRunnable(() -> InMemoryChatMessageHistoryStore.this.sessions.remove(this.sessionId));
		}

	}

}
