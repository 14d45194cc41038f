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
 * Keeps a client's reset connection out of the server's error log: Reactor Netty reports a reset
 * to the request body's subscriber and then once more, after it has terminated, where Reactor logs
 * it at ERROR as a dropped error. {@link #quietWhenDropped} gives the body's subscription its own
 * handler, which logs such a failure (the connection closed or reset, the read timeout, matched by
 * class name so that no particular server need be on the classpath) at DEBUG and passes every
 * other one on to Reactor's.
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
