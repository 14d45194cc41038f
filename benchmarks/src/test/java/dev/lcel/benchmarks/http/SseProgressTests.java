package dev.lcel.benchmarks.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SseProgressTests {

	private final SseProgress progress = new SseProgress();

	/** Streams fed buffer by buffer (the n-th at time n), and the buffer that ends the first data event. */
	static Stream<Arguments> wholeStreams() {
		return Stream.of(
				Arguments.of("data events, then the end", List.of("event:metadata\ndata:{\"run_id\":\"1\"}\n\n",
						"event:data\ndata:\"Why\"\n\n", "event:data\ndata:\" do\"\n\n", "event:end\n\n"), 2L),
				Arguments.of("an event line split across buffers", List.of("event:metadata\ndata:{}\n\nev", "ent: da",
						"ta\r\ndata:\"x\"\n\nevent:e", "nd\n\n"), 3L));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wholeStreams")
	void aWholeStreamSucceedsAndNotesWhenItsFirstDataEventArrived(String stream, List<String> buffers, long firstData) {
		for (int i = 0; i < buffers.size(); i++) {
			feed(buffers.get(i), i + 1);
		}
		assertThat(this.progress.firstDataNanos()).isEqualTo(firstData);
		assertThat(this.progress.succeeded()).isTrue();
	}

	@Test
	void aStreamWithAnErrorEventFails() {
		feed("event:data\ndata:\"x\"\n\nevent:error\ndata:{\"status_code\":500}\n\nevent:end\n\n", 1);
		assertThat(this.progress.succeeded()).isFalse();
	}

	@Test
	void aStreamCutBeforeItsEndFails() {
		feed("event:metadata\ndata:{}\n\nevent:data\ndata:\"x\"\n\n", 1);
		assertThat(this.progress.succeeded()).isFalse();
	}

	@Test
	void dataThatLooksLikeAnEventNameIsNotOne() {
		feed("event:data\ndata:\"event:end\"\n\n", 1);
		assertThat(this.progress.succeeded()).isFalse();
	}

	private void feed(String text, long nanos) {
		this.progress.feed(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), nanos);
	}

	@Test
	void anOpenAiStreamSucceedsWithDoneAndNotesTheFirstChunkAfterTheRole() {
		SseProgress openAi = SseProgress.openAi();
		openAi.feed(Unpooled.copiedBuffer("data:{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n", StandardCharsets.UTF_8), 1);
		openAi.feed(Unpooled.copiedBuffer("data:{\"choices\":[{\"delta\":{\"content\":\"Why\"}}]}\n\nda", StandardCharsets.UTF_8), 2);
		openAi.feed(Unpooled.copiedBuffer("ta: [DONE]\n\n", StandardCharsets.UTF_8), 3);
		assertThat(openAi.firstDataNanos()).isEqualTo(2);
		assertThat(openAi.succeeded()).isTrue();
	}

	@Test
	void anOpenAiStreamWithAnErrorObjectOrWithoutDoneFails() {
		SseProgress failed = SseProgress.openAi();
		failed.feed(Unpooled.copiedBuffer("data:{\"id\":1}\n\ndata:{\"id\":2}\n\ndata:{\"error\":{}}\n\ndata:[DONE]\n\n",
				StandardCharsets.UTF_8), 1);
		assertThat(failed.succeeded()).isFalse();
		SseProgress cut = SseProgress.openAi();
		cut.feed(Unpooled.copiedBuffer("data:{\"id\":1}\n\ndata:{\"id\":2}\n\n", StandardCharsets.UTF_8), 1);
		assertThat(cut.succeeded()).isFalse();
	}

}
