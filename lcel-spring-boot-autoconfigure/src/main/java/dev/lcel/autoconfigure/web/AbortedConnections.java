package dev.lcel.autoconfigure.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Recognises the failures that mean the client went away or stalled while its request was read:
 * the connection closed or reset, or the server's read timeout. They are the client's doing,
 * logged at DEBUG without a stack trace, never as server faults. Matched by class name so that the
 * check needs no particular server on the classpath.
 */
final class AbortedConnections {

	private static final Set<String> CLIENT_GONE = Set.of("reactor.netty.channel.AbortedException",
			"reactor.netty.http.server.RequestTimeoutException", "io.netty.handler.timeout.ReadTimeoutException",
			"reactor.netty.channel.ChannelOperations$ChannelOperationsException");

	/** Reactor's key for a subscriber's own handler of errors that arrive after it terminated. */
	private static final String ERROR_DROPPED = "reactor.onErrorDropped.local";

	private static final Log logger = LogFactory.getLog(AbortedConnections.class);

	private AbortedConnections() {
	}

	/**
	 * Give a request body's subscription a handler for errors that arrive after it ended: the
	 * server reports a reset connection once to the body and once more after it, and that second
	 * report of the client's doing is logged at DEBUG instead of Reactor's ERROR.
	 * @param context the subscriber's context
	 * @return the context with the handler
	 */
	static Context quietWhenDropped(Context context) {
		Consumer<Throwable> dropped = (error) -> {
			if (isClientGone(error)) {
				if (logger.isDebugEnabled()) {
					logger.debug("A chain request's connection failed after its body was read: " + error);
				}
			}
			else {
				Operators.onErrorDropped(error, Context.empty());
			}
		};
		return context.put(ERROR_DROPPED, dropped);
	}

	static boolean isClientGone(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClosedChannelException || CLIENT_GONE.contains(cause.getClass().getName())) {
				return true;
			}
			if (cause instanceof IOException && cause.getMessage() != null
					&& (cause.getMessage().contains("Connection reset") || cause.getMessage().contains("Broken pipe")
							|| cause.getMessage().contains("Connection prematurely closed"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
