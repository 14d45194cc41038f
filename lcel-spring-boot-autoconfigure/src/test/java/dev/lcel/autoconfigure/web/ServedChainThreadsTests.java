package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.runnable.AbstractRunnable;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tracing.RunManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a served chain's steps run, on a real Netty server: a step that may block (a lambda) on
 * bounded elastic, never on the event loop; a step that only computes where the request was read,
 * on the event loop for a small body and on bounded elastic for one larger than
 * {@link JsonRequestBody#PARSED_ON_ARRIVAL} bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ServedChainThreadsTests.Server.class)
class ServedChainThreadsTests {

	static final List<String> threads = new CopyOnWriteArrayList<>();

	@LocalServerPort
	private int port;

	@BeforeEach
	void clear() {
		threads.clear();
	}

	@Test
	void lambdaThatMayBlockRunsOffTheEventLoop() {
		assertThat(invoke("blocking", "\"hi\"")).contains("\"output\":\"HI\"");
		assertThat(threads).singleElement().asString().startsWith("boundedElastic-");
	}

	@Test
	void stepThatOnlyComputesRunsOnTheEventLoopThatReadTheRequest() {
		assertThat(invoke("computing", "\"hi\"")).contains("\"output\":\"HI\"");
		assertThat(threads).singleElement().asString().startsWith("event loop ");
	}

	@Test
	void largeBodyIsReadAndRunOffTheEventLoop() {
		String large = "\"" + "a".repeat(JsonRequestBody.PARSED_ON_ARRIVAL) + "\"";
		assertThat(invoke("computing", large)).contains("\"output\":\"AAA");
		assertThat(threads).singleElement().asString().startsWith("boundedElastic-");
	}

	@Test
	void streamedLambdaRunsOffTheEventLoop() {
		assertThat(stream("blocking")).contains("data:\"HI\"");
		assertThat(threads).singleElement().asString().startsWith("boundedElastic-");
	}

	@Test
	void streamedStepThatOnlyComputesRunsOnTheEventLoop() {
		assertThat(stream("computing")).contains("data:\"HI\"");
		assertThat(threads).singleElement().asString().startsWith("event loop ");
	}

	private String stream(String chain) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/chains/" + chain + "/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": \"hi\"}")
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	private String invoke(String chain, String input) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/chains/" + chain + "/invoke")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": " + input + "}")
			.retrieve()
			.bodyToMono(String.class)
			.block();
	}

	private static String upperCase(Object input) {
		// The server's event loops are the threads Reactor marks as not to be blocked.
		threads.add((Schedulers.isInNonBlockingThread() ? "event loop " : "") + Thread.currentThread().getName());
		return input.toString().toUpperCase();
	}

	/** A step that only computes, and says so. */
	static final class Computing extends AbstractRunnable<Object, String> {

		@Override
		protected boolean mayBlock() {
			return false;
		}

		@Override
		protected String doInvoke(Object input, RunManager run) {
			return upperCase(input);
		}

	}

	@SpringBootApplication
	static class Server {

		@Bean
		Runnable<Object, String> blocking() {
			return RunnableLambda.of(ServedChainThreadsTests::upperCase);
		}

		@Bean
		Runnable<Object, String> computing() {
			return new Computing();
		}

	}

}
