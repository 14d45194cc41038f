package dev.lcel.autoconfigure.history;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis the history tests talk to: the one at {@code REDIS_URL} when it is set, else a
 * Testcontainers Redis when Docker is available; otherwise the tests are skipped, saying how to
 * enable them.
 */
public final class RedisServer {

	private static String url;

	private RedisServer() {
	}

	/**
	 * Return the URL of the Redis to use, skipping the calling test when there is none.
	 * @return a {@code redis://} URL
	 */
	public static synchronized String url() {
		if (url == null) {
			url = find();
		}
		Assumptions.assumeTrue(!url.isEmpty(), "No Redis for this test: set REDIS_URL (e.g. redis://127.0.0.1:6379 "
				+ "after 'redis-server --port 6379 --daemonize yes') or make Docker available for Testcontainers");
		return url;
	}

	private static String find() {
		String configured = System.getenv("REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (!dockerAvailable()) {
			return "";
		}
		@SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
		GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		redis.start();
		return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Return a started connection factory to the Redis of {@link #url()}.
	 * @return the factory; the caller destroys it
	 */
	static LettuceConnectionFactory connect() {
		java.net.URI uri = java.net.URI.create(url());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
