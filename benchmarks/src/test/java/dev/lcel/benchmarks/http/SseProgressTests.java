package dev.lcel.benchmarks.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseProgressTests {

	private final SseProgress progress = new SseProgress();

	@Test
	void aStreamWithDataAndEndSucceedsAndNotesTheFirstDataEvent() {
		feed("event:metadata\ndata:{\"run_id\":\"1\"}\n\n", 1);
		feed("event:data\ndata:\"Why\"\n\n", 2);
		feed("event:data\ndata:\" do\"\n\n", 3);
		feed("event:end\n\n", 4);
		assertThat(this.progress.firstDataNanos()).isEqualTo(2);
		assertThat(this.progress.succeeded()).isTrue();
	}

	@Test
	void anEventLineSplitAcrossBuffersIsReadWhole() {
		feed("event:metadata\ndata:{}\n\nev", 1);
		feed("ent: da", 2);
		feed("ta\r\ndata:\"x\"\n\nevent:e", 3);
		feed("nd\n\n", 4);
		assertThat(this.progress.firstDataNanos()).isEqualTo(3);
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
