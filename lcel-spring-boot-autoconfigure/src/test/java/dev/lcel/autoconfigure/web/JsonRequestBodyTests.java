package dev.lcel.autoconfigure.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRequestBodyTests {

	private final JsonRequestBody body = new JsonRequestBody(JsonMapper.shared(), 1024, 8);

	@Test
	void aBodyLongerThanTheValueLimitHasItsValuesCounted() {
		// 27 bytes, 10 values (the object, the array and its eight numbers): counted, and too many.
		assertRefused(utf8("{\"input\":[1,1,1,1,1,1,1,1]}"), HttpStatus.CONTENT_TOO_LARGE,
				"The request body holds more than 8 JSON values (lcel.server.limits.max-json-values)");
	}

	@Test
	void aBodyWithinTheValueLimitInBytesIsReadWithoutCounting() {
		StepVerifier.create(this.body.read(request(utf8("{\"a\":[1,2]}"))))
			.assertNext((json) -> assertThat(json.get("a").size()).isEqualTo(2))
			.verifyComplete();
	}

	@Test
	void aShortBodyThatIsNotJsonIsStillRefusedAsSuch() {
		assertRefused(utf8("{\"a\" 1}"), HttpStatus.BAD_REQUEST, "The request body is not valid JSON (line 1, column 6)");
	}

	@Test
	void nonAsciiUtf8IsReadAndOverlongFormsAreRefused() {
		StepVerifier.create(this.body.read(request(utf8("{\"a\":\"ours é\"}"))))
			.assertNext((json) -> assertThat(json.get("a").asString()).isEqualTo("ours é"))
			.verifyComplete();
		byte[] overlong = { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}' };
		assertRefused(overlong, HttpStatus.BAD_REQUEST, "The request body is not valid UTF-8 (at byte 6)");
	}

	private void assertRefused(byte[] bytes, HttpStatus status, String message) {
		StepVerifier.create(this.body.read(request(bytes)))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ChainRequestException.class, (refused) -> {
				assertThat(refused.getStatus()).isEqualTo(status);
				assertThat(refused.getMessage()).isEqualTo(message);
			}));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static MockServerRequest request(byte[] bytes) {
		Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
		return MockServerRequest.builder()
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length))
			.body(content);
	}

}
