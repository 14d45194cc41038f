package dev.lcel.autoconfigure.support;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chain routes in a test: a context runner with the reactive web stack and the chain
 * auto-configuration, a client bound to the context it starts (no server) or to a running
 * application, JSON requests and answers, and the server-sent events of a streaming answer.
 */
public final class ChainHttp {

	/** How long the client waits for an answer: long enough for a busy, shared machine. */
	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(20);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private ChainHttp() {
	}

	/**
	 * Return a runner with Jackson, the HTTP codecs, WebFlux, the HTTP handler and
	 * {@link ChainAutoConfiguration}, then the given auto-configurations.
	 * @param autoConfigurations the auto-configurations under test, such as the server's
	 * @return the runner
	 */
	public static ReactiveWebApplicationContextRunner runner(Class<?>... autoConfigurations) {
		Class<?>[] stack = { JacksonAutoConfiguration.class, CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, ChainAutoConfiguration.class };
		return new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations
			.of(Stream.concat(Stream.of(stack), Stream.of(autoConfigurations)).toArray(Class<?>[]::new)));
	}

	/**
	 * Return a client bound to a started context, without a server.
	 * @param context the context
	 * @return the client
	 */
	public static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).configureClient().responseTimeout(RESPONSE_TIMEOUT).build();
	}

	/**
	 * Return a client of an application running on this machine.
	 * @param port the application's port
	 * @return the client
	 */
	public static WebTestClient client(int port) {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(RESPONSE_TIMEOUT).build();
	}

	/**
	 * Post a JSON body and return the exchanged response.
	 * @param client the client
	 * @param uri the route, such as {@code /chains/greet/invoke}
	 * @param json the request body
	 * @return the response, to assert on
	 */
	public static WebTestClient.ResponseSpec postJson(WebTestClient client, String uri, String json) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	/**
	 * Get a route that answers with JSON, assert a 200 and return the body.
	 * @param client the client
	 * @param uri the route, such as {@code /chains/greet/schema}
	 * @return the body, to assert on
	 */
	public static WebTestClient.BodyContentSpec getJson(WebTestClient client, String uri) {
		return client.get().uri(uri).exchange().expectStatus().isOk().expectBody();
	}

	/**
	 * Return the server-sent events of a streaming answer, each with its data as text.
	 * @param response the response of a stream route
	 * @return the events, as they arrive
	 */
	public static Flux<ServerSentEvent<String>> events(WebTestClient.ResponseSpec response) {
		return response.returnResult(EVENT).getResponseBody();
	}

	/**
	 * Wait for a streaming answer to end and return the data of its events of one name, in order.
	 * @param response the response of a stream route
	 * @param event the event name, such as {@code data} or {@code error}
	 * @return the data of those events
	 */
	public static List<String> data(WebTestClient.ResponseSpec response, String event) {
		return events(response).filter((e) -> event.equals(e.event())).map(ServerSentEvent::data).collectList().block();
	}

}
