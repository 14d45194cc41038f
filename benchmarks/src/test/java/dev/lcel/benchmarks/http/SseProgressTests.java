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

}
