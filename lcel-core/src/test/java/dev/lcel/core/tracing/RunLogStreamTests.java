package dev.lcel.core.tracing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.json.JsonPatchOp;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.runnable.RunnableParallel;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogStreamTests {

	/** An independent JSON implementation (Jackson 2) to apply the patches with zjsonpatch. */
	private final ObjectMapper json = new ObjectMapper();

	private final Runnable<String, String> prep = RunnableLambda.of("prep", (String s) -> s.trim());

	private final Runnable<String, String> tokens = RunnableGenerator.of("tokens",
			(Flux<String> in, RunnableConfig config) -> in.flatMapIterable((s) -> List.of(s.split("(?<= )"))));

	private final Runnable<String, String> upper = RunnableGenerator.of("upper",
			(Flux<String> in, RunnableConfig config) -> in.map(String::toUpperCase));

	private JsonNode apply(List<RunLogPatch> patches) {
		JsonNode state = this.json.createObjectNode();
		for (RunLogPatch patch : patches) {
			state = JsonPatch.apply(this.json.valueToTree(patch.ops()), state);
		}
		return state;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new java.util.ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}

	@Test
	void appliedPatchesOfAStreamingChainEndWithTheInvokeOutput() {
		Runnable<String, String> chain = this.prep.pipe(this.tokens).pipe(this.upper);

		JsonNode log = apply(chain.astreamLog(" to be or not ").collectList().block());

		assertThat(log.path("final_output").asText()).isEqualTo(chain.invoke(" to be or not "));
		assertThat(log.path("streamed_output")).extracting(JsonNode::asText).containsExactly("TO ", "BE ", "OR ", "NOT");
		assertThat(log.path("name").asText()).isEqualTo("RunnableSequence");
		JsonNode upperRun = log.path("logs").path("upper");
		assertThat(upperRun.path("type").asText()).isEqualTo("chain");
		assertThat(upperRun.path("final_output").path("output").asText()).isEqualTo("TO BE OR NOT");
		assertThat(upperRun.path("streamed_output")).hasSize(4);
		assertThat(upperRun.path("streamed_output_str")).isEmpty();
		assertThat(upperRun.path("end_time").isTextual()).isTrue();
		assertThat(names(log.path("logs"))).containsExactlyInAnyOrder("prep", "tokens", "upper");
	}

	@Test
	void appliedPatchesOfAParallelEndWithTheInvokeOutput() {
		RunnableParallel<String> parallel = RunnableParallel.<String>builder()
			.branch("words", this.tokens)
			.branch("length", RunnableLambda.of("length", String::length))
			.build();

		JsonNode log = apply(parallel.astreamLog("a b c").collectList().block());

		assertThat(this.json.convertValue(log.path("final_output"), Map.class)).isEqualTo(parallel.invoke("a b c"));
		assertThat(log.path("logs").path("tokens").path("final_output").path("output").asText()).isEqualTo("a b c");
		assertThat(log.path("logs").path("length").path("final_output").path("output").asInt()).isEqualTo(5);
	}

	@Test
	void repeatedNamesAreMadeUnique() {
		Runnable<String, String> twice = this.upper.pipe(this.upper).pipe(this.upper);

		JsonNode log = apply(twice.astreamLog("x").collectList().block());

		assertThat(names(log.path("logs"))).containsExactly("upper", "upper:2", "upper:3");
	}

	@Test
	void filterLimitsTheLogsButNotTheOutput() {
		Runnable<String, String> chain = this.prep.pipe(this.tokens).pipe(this.upper);

		JsonNode log = apply(chain.astreamLog("a b", RunnableConfig.EMPTY, RunFilter.ALL.includeNames("tokens"))
			.collectList()
			.block());

		assertThat(names(log.path("logs"))).containsExactly("tokens");
		assertThat(log.path("final_output").asText()).isEqualTo("A B");
	}

	@Test
	void everyOperationAddsOrReplaces() {
		List<RunLogPatch> patches = this.prep.pipe(this.upper).astreamLog("x").collectList().block();
		assertThat(patches).flatExtracting(RunLogPatch::ops)
			.extracting(JsonPatchOp::op)
			.containsOnly("add", "replace");
		assertThat(patches.get(0).ops().get(0).path()).isEmpty();
	}

}
