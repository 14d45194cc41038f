package dev.lcel.core.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.messages.BaseMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link ChatMessageHistoryStore} that keeps every session's history in this JVM's memory: for
 * tests, development and one instance under small loads (a store shared by instances, such as
 * Redis, is the one for production).
 *
 * <p>Bounded: it keeps at most {@code maxMessages} messages per session, at most
 * {@code maxSessions} sessions and at most {@code maxBytes} of messages in all (each message
 * counted as the length of its JSON plus {@value #MESSAGE_OVERHEAD} bytes). When a write goes over
 * a bound, the least recently used sessions (read or written) are forgotten first, and each one
 * forgotten counts in {@link #evictions()}; a session that alone is larger than {@code maxBytes}
 * keeps only its newest messages that fit (always at least the newest one).
 *
 * <p>With a time to live, a session not written to for that long is forgotten: it is removed when
 * next looked up (and by {@link #evictExpired()}), as a Redis key with a TTL would be. Expired
 * sessions do not count as evictions.
 *
 * <p>Thread-safe; every call works under the store's lock, which is held only for list copies.
 */
public final class InMemoryChatMessageHistoryStore implements ChatMessageHistoryStore {

	/** The most sessions kept when no bound is given. */
	public static final int DEFAULT_MAX_SESSIONS = 10_000;

	/** The most bytes of messages kept when no bound is given: 64 MiB. */
	public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

	/** What each message counts for above the length of its JSON. */
	static final int MESSAGE_OVERHEAD = 64;

	/** The sessions, least recently used first; guarded by {@code this}. */
	private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);

	private final Duration timeToLive;

	private final int maxMessages;

	private final int maxSessions;

	private final long maxBytes;

	private final Clock clock;

	private long bytes;

	private long evictions;

	/**
	 * Create a store with the default bounds ({@value #DEFAULT_MAX_SESSIONS} sessions, 64 MiB), no
	 * time to live and no limit of messages per session.
	 */
	public InMemoryChatMessageHistoryStore() {
		this(null, 0, Clock.systemUTC());
	}

	/**
	 * Create a store with the default bounds of sessions and bytes.
	 * @param timeToLive how long a session is kept after its last write; {@code null} or zero for
	 * ever
	 * @param maxMessages the most messages kept per session; 0 for no limit
	 * @param clock the clock that times sessions
	 */
	public InMemoryChatMessageHistoryStore(@Nullable Duration timeToLive, int maxMessages, Clock clock) {
		this(timeToLive, maxMessages, DEFAULT_MAX_SESSIONS, DEFAULT_MAX_BYTES, clock);
	}

	/**
	 * Create a store.
	 * @param timeToLive how long a session is kept after its last write; {@code null} or zero for
	 * ever
	 * @param maxMessages the most messages kept per session; 0 for no limit
	 * @param maxSessions the most sessions kept, at least 1
	 * @param maxBytes the most bytes of messages kept in all sessions, at least 1
	 * @param clock the clock that times sessions
	 * @throws IllegalArgumentException if a bound is out of range
	 */
	public InMemoryChatMessageHistoryStore(@Nullable Duration timeToLive, int maxMessages, int maxSessions, long maxBytes,
			Clock clock) {
		this.timeToLive = (timeToLive != null && !timeToLive.isZero()) ? timeToLive : null;
		if (this.timeToLive != null && this.timeToLive.isNegative()) {
			throw new IllegalArgumentException("timeToLive must not be negative, was " + timeToLive);
		}
		if (maxMessages < 0) {
			throw new IllegalArgumentException("maxMessages must not be negative, was " + maxMessages);
		}
		if (maxSessions < 1) {
			throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
		}
		if (maxBytes < 1) {
			throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
		}
		this.maxMessages = maxMessages;
		this.maxSessions = maxSessions;
		this.maxBytes = maxBytes;
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
	public synchronized void evictExpired() {
		Instant now = this.clock.instant();
		for (Iterator<Session> sessions = this.sessions.values().iterator(); sessions.hasNext();) {
			Session session = sessions.next();
			if (session.expired(now)) {
				this.bytes -= session.bytes;
				sessions.remove();
			}
		}
	}

	/**
	 * Return how many sessions were forgotten to stay within the bounds since the store was made.
	 * @return the number of evicted sessions
	 */
	public synchronized long evictions() {
		return this.evictions;
	}

	/**
	 * Return how many sessions the store holds now (expired ones included until looked up).
	 * @return the number of sessions
	 */
	public synchronized int sessionCount() {
		return this.sessions.size();
	}

	/**
	 * Return how many bytes of messages the store holds now, as the bounds count them.
	 * @return the bytes
	 */
	public synchronized long byteCount() {
		return this.bytes;
	}

	private synchronized List<BaseMessage> read(String sessionId) {
		Session session = this.sessions.get(sessionId);
		if (session == null) {
			return List.of();
		}
		if (session.expired(this.clock.instant())) {
			remove(sessionId);
			return List.of();
		}
		return session.messages();
	}

	private synchronized void append(String sessionId, List<Sized> added) {
		Session session = this.sessions.get(sessionId);
		if (session != null && session.expired(this.clock.instant())) {
			remove(sessionId);
			session = null;
		}
		if (session == null) {
			session = new Session();
			this.sessions.put(sessionId, session);
		}
		session.writtenAt = this.clock.instant();
		for (Sized message : added) {
			session.add(message);
			this.bytes += message.bytes();
		}
		while (this.maxMessages > 0 && session.entries.size() > this.maxMessages) {
			this.bytes -= session.removeOldest();
		}
		evictBeyondBounds(session);
	}

	private void evictBeyondBounds(Session current) {
		Iterator<Map.Entry<String, Session>> eldest = this.sessions.entrySet().iterator();
		while ((this.sessions.size() > this.maxSessions || this.bytes > this.maxBytes) && eldest.hasNext()) {
			Session session = eldest.next().getValue();
			if (session != current) {
				this.bytes -= session.bytes;
				eldest.remove();
				this.evictions++;
			}
		}
		while (this.bytes > this.maxBytes && current.entries.size() > 1) {
			this.bytes -= current.removeOldest();
		}
	}

	private synchronized void remove(String sessionId) {
		Session session = this.sessions.remove(sessionId);
		if (session != null) {
			this.bytes -= session.bytes;
		}
	}

	/** A message with what it counts for against the store's bytes. */
	private record Sized(BaseMessage message, long bytes) {

		static Sized of(BaseMessage message) {
			return new Sized(message, StoredMessages.toJson(message).length() + (long) MESSAGE_OVERHEAD);
		}

	}

	/** One session's messages, their bytes and when they were last written; guarded by the store. */
	private final class Session {

		private final Deque<Sized> entries = new ArrayDeque<>();

		private long bytes;

		private Instant writtenAt = InMemoryChatMessageHistoryStore.this.clock.instant();

		private void add(Sized message) {
			this.entries.addLast(message);
			this.bytes += message.bytes();
		}

		private long removeOldest() {
			long removed = this.entries.removeFirst().bytes();
			this.bytes -= removed;
			return removed;
		}

		private List<BaseMessage> messages() {
			List<BaseMessage> messages = new ArrayList<>(this.entries.size());
			this.entries.forEach((entry) -> messages.add(entry.message()));
			return messages;
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
			return Flux.defer(() -> Flux.fromIterable(read(this.sessionId)));
		}

		@Override
		public Mono<Void> addMessages(List<? extends BaseMessage> messages) {
			List<Sized> stored = StoredMessages.of(messages).stream().map(Sized::of).toList();
			return Mono.fromRunnable(() -> append(this.sessionId, stored));
		}

		@Override
		public Mono<Void> clear() {
			return Mono.fromRunnable(() -> remove(this.sessionId));
		}

	}

}
