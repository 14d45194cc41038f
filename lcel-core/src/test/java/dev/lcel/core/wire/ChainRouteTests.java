package dev.lcel.core.wire;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ChainRouteTests {

	@Test
	void routesAreFoundByTheirPathSegment() {
		for (ChainRoute route : ChainRoute.all()) {
			assertThat(ChainRoute.ofPath(route.path())).contains(route);
		}
		assertThat(ChainRoute.ofPath("nothing")).isEmpty();
	}

	@Test
	void eachRouteSitsUnderAChainsPath() {
		assertThat(ChainRoute.STREAM_LOG.under("/chains/joke")).isEqualTo("/chains/joke/stream_log");
		assertThat(ChainRoute.INPUT_SCHEMA.under("")).isEqualTo("/input_schema");
	}

	@Test
	void runningRoutesArePostsAndTheStreamsAnswerWithEvents() {
		assertThat(ChainRoute.all().stream().filter((route) -> route.method() == HttpMethod.POST))
			.containsExactly(ChainRoute.INVOKE, ChainRoute.BATCH, ChainRoute.STREAM, ChainRoute.STREAM_LOG,
					ChainRoute.STREAM_EVENTS);
		assertThat(ChainRoute.all().stream().filter(ChainRoute::streams)).containsExactly(ChainRoute.STREAM,
				ChainRoute.STREAM_LOG, ChainRoute.STREAM_EVENTS);
		assertThat(ChainRoute.all().stream().filter(ChainRoute::singleSchema)).containsExactly(ChainRoute.INPUT_SCHEMA,
				ChainRoute.OUTPUT_SCHEMA, ChainRoute.CONFIG_SCHEMA);
	}

	@Test
	void eventNamesAreReadAsSseDefinesThem() {
		assertThat(SseEvent.of(null)).isEqualTo(SseEvent.DATA);
		assertThat(SseEvent.of("end")).isEqualTo(SseEvent.END);
		assertThat(SseEvent.of("ping")).isNull();
	}

	@Test
	void anErrorEventIsReadLeniently() {
		JsonMapper json = JsonMapper.shared();
		assertThat(StreamError.fromWire(json.valueToTree(new StreamError(502, "upstream").toWire())))
			.isEqualTo(new StreamError(502, "upstream"));
		assertThat(StreamError.fromWire(json.valueToTree(Map.of()))).isEqualTo(new StreamError(500, ""));
	}

}
