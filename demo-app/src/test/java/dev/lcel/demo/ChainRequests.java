package dev.lcel.demo;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Requests to the demo's chain routes: a JSON post, and a streaming post read to its end.
 */
final class ChainRequests {

	private ChainRequests() {
	}

	/**
	 * Post a JSON body and return the exchanged response.
	 * @param client the client
	 * @param uri the route, such as {@code /chains/joke/invoke}
	 * @param json the request body
	 * @return the response, to assert on
	 */
	static WebTestClient.ResponseSpec postJson(WebTestClient client, String uri, String json) {
		return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	/**
	 * Post a JSON body to a streaming route, assert a 200 and wait for the stream's end.
	 * @param client the client
	 * @param uri the route, such as {@code /chains/joke/stream}
	 * @param json the request body
	 * @return the data of every event, in order
	 */
	static List<String> streamedData(WebTestClient client, String uri, String json) {
		return postJson(client, uri, json).expectStatus().isOk().returnResult(String.class).getResponseBody().collectList().block();
	}

}
