package dev.lcel.core.history;

/**
 * Finds the {@link ChatMessageHistory} of a conversation by its session id: LangChain's
 * {@code get_session_history}. {@link InMemoryChatMessageHistoryStore} keeps conversations in this
 * JVM; the Spring Boot starter adds one backed by Redis, which instances of an application share.
 */
@FunctionalInterface
public interface ChatMessageHistoryStore {

	/**
	 * Return the history of a session, empty if nothing was said in it yet. Must not block: a
	 * store backed by a service does its work when the history's publishers are subscribed.
	 * @param sessionId the session id, never blank
	 * @return the session's history
	 */
	ChatMessageHistory forSession(String sessionId);

}
