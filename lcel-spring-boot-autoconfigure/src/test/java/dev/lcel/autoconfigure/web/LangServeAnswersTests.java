package dev.lcel.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lcel.core.governance.usage.RunUsage;
import dev.lcel.core.messages.UsageMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LangServeAnswersTests {

	private static final UUID RUN = UUID.fromString("5b1d7a4e-0c2f-4c3e-9d1a-6f2b8e7c9a10");

	private final JsonMapper json = JsonMapper.builder().build();

	private final RunUsage usage = new RunUsage(Map.of("gpt-4o-mini", UsageMetadata.of(8, 12)));

	@Test
	void invokeIsLangServesShapeByteForByte() {
		String written = text(new LangServeAnswers(this.json).invoke(Map.of("joke", "bears"), RUN, this.usage));

		assertThat(written).isEqualTo("{\"output\":{\"joke\":\"bears\"},\"metadata\":{\"run_id\":\"" + RUN
				+ "\",\"feedback_tokens\":[],\"usage\":" + this.json.writeValueAsString(this.usage) + "}}");
	}

	@Test
	void invokeWithoutOutputWritesANullOutputEvenWhenTheMapperLeavesNullsOut() {
		JsonMapper nonNull = JsonMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
				.withContentInclusion(JsonInclude.Include.NON_NULL))
			.build();

		String written = text(new LangServeAnswers(nonNull).invoke(null, RUN, RunUsage.EMPTY));

		assertThat(written).isEqualTo("{\"output\":null,\"metadata\":{\"run_id\":\"" + RUN
				+ "\",\"feedback_tokens\":[],\"usage\":" + nonNull.writeValueAsString(RunUsage.EMPTY) + "}}");
	}

	@Test
	void batchListsOutputsInOrderWithNullsAndTheRunIds() {
		String written = text(new LangServeAnswers(this.json).batch(Arrays.asList("a", null, 3), List.of("r1", "r2", "r3"),
				RunUsage.EMPTY));

		assertThat(written).isEqualTo("{\"output\":[\"a\",null,3],\"metadata\":{\"run_ids\":[\"r1\",\"r2\",\"r3\"],\"usage\":"
				+ this.json.writeValueAsString(RunUsage.EMPTY) + "}}");
	}

	@Test
	void outputsAreWrittenByTheMappersOwnSerializers() {
		String written = text(new LangServeAnswers(this.json).invoke(List.of(Map.of("k", "\u00e9\"")), RUN, RunUsage.EMPTY));

		assertThat(written).startsWith("{\"output\":" + this.json.writeValueAsString(List.of(Map.of("k", "\u00e9\""))) + ",");
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
