package dev.lcel.autoconfigure.web;

import java.time.Duration;

import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Gives the Reactor Netty server the timeouts of {@code lcel.server.connection}, so that a client
 * that stalls cannot hold a connection: how long a connection may wait for a request (its headers)
 * or idle between requests, how long between two reads of a body, and how long for a whole body.
 * Reactor Netty has none of them by default.
 */
final class ConnectionTimeouts implements NettyServerCustomizer {

	private final LcelServerProperties.Connection connection;

	ConnectionTimeouts(LcelServerProperties.Connection connection) {
		this.connection = connection;
	}

	@Override
	public HttpServer apply(HttpServer server) {
		HttpServer configured = server;
		if (positive(this.connection.idleTimeout())) {
			configured = configured.idleTimeout(this.connection.idleTimeout());
		}
		if (positive(this.connection.readTimeout())) {
			configured = configured.readTimeout(this.connection.readTimeout());
		}
		if (positive(this.connection.requestTimeout())) {
			configured = configured.requestTimeout(this.connection.requestTimeout());
		}
		return configured;
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
