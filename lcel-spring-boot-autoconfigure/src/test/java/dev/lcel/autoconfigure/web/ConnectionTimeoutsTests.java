package dev.lcel.autoconfigure.web;

import java.time.Duration;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTimeoutsTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, LcelServerAutoConfiguration.class));

	@Test
	void theServerGetsSafeTimeoutsByDefault() {
		this.contextRunner.run((context) -> {
			HttpServer server = context.getBean("lcelConnectionTimeouts", NettyServerCustomizer.class)
				.apply(HttpServer.create());
			assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(server.configuration().readTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(server.configuration().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
		});
	}

	@Test
	void eachTimeoutIsAPropertyAndZeroTurnsItOff() {
		this.contextRunner
			.withPropertyValues("lcel.server.connection.idle-timeout=5s", "lcel.server.connection.read-timeout=0",
					"lcel.server.connection.request-timeout=7s")
			.run((context) -> {
				HttpServer server = context.getBean("lcelConnectionTimeouts", NettyServerCustomizer.class)
					.apply(HttpServer.create());
				assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(server.configuration().readTimeout()).isNull();
				assertThat(server.configuration().requestTimeout()).isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void theTimeoutsCanBeLeftToTheServer() {
		this.contextRunner.withPropertyValues("lcel.server.connection.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("lcelConnectionTimeouts"));
	}

}
