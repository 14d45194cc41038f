package dev.lcel.autoconfigure.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

/**
 * Recognises the failures that mean the client went away or stalled while its request was read:
 * the connection closed or reset, or the server's read timeout. They are the client's doing,
 * logged at DEBUG without a stack trace, never as server faults. Matched by class name so that the
 * check needs no particular server on the classpath.
 */
final class AbortedConnections {

	private static final Set<String> CLIENT_GONE = Set.of("reactor.netty.channel.AbortedException",
			"reactor.netty.http.server.RequestTimeoutException", "io.netty.handler.timeout.ReadTimeoutException",
			"reactor.netty.channel.ChannelOperations$ChannelOperationsException",
			"org.springframework.core.io.buffer.DataBufferLimitException");

	private AbortedConnections() {
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
