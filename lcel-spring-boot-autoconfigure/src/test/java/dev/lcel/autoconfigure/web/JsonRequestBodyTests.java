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
		StepVerifier.create(this.body.read(request("{\"input\":[1,1,1,1,1,1,1,1]}".getBytes(StandardCharsets.UTF_8))))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ChainRequestException.class, (refused) -> {
				assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(refused.getMessage()).contains("more than 8 JSON values (lcel.server.limits.max-json-values)");
			}));
	}

	@Test
	void aBodyWithinTheValueLimitInBytesIsReadWithoutCounting() {
		StepVerifier.create(this.body.read(request("{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8))))
			.assertNext((json) -> assertThat(json.get("a").size()).isEqualTo(2))
			.verifyComplete();
	}

	@Test
	void aShortBodyThatIsNotJsonIsStillRefusedAsSuch() {
		StepVerifier.create(this.body.read(request("{\"a\" 1}".getBytes(StandardCharsets.UTF_8))))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ChainRequestException.class, (refused) -> {
				assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(refused.getMessage()).startsWith("The request body is not valid JSON (line 1, column");
			}));
	}

	@Test
	void nonAsciiUtf8IsReadAndOverlongFormsAreRefused() {
		StepVerifier.create(this.body.read(request("{\"a\":\"ours é\"}".getBytes(StandardCharsets.UTF_8))))
			.assertNext((json) -> assertThat(json.get("a").asString()).isEqualTo("ours é"))
			.verifyComplete();
		byte[] overlong = { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAE, '"', '}' };
		StepVerifier.create(this.body.read(request(overlong)))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ChainRequestException.class, (refused) -> {
				assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(refused.getMessage()).isEqualTo("The request body is not valid UTF-8 (at byte 6)");
			}));
	}

	private static MockServerRequest request(byte[] bytes) {
		Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
		return MockServerRequest.builder()
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length))
			.body(content);
	}

}
