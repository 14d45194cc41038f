package dev.lcel.core.tracing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableGenerator;
import dev.lcel.core.runnable.RunnableLambda;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationCallbackHandlerTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	{
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				ObservationCallbackHandlerTests.this.stopped.add(context);
			}

		});
	}

	private final RunnableConfig observed = RunnableConfig.builder()
		.callbacks(new ObservationCallbackHandler(this.registry))
		.build();

	private final Runnable<String, String> chain = RunnableLambda.of("trim", (String s) -> s.trim())
		.pipe(RunnableLambda.of("upper", (String s) -> s.toUpperCase()));

	@Test
	void everyRunIsAnObservationWithNameTypeOperationAndOutcome() {
		this.chain.invoke(" x ", this.observed);

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("lcel.run", 3)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("RunnableSequence")
				.hasLowCardinalityKeyValue("lcel.run.name", "RunnableSequence")
				.hasLowCardinalityKeyValue("lcel.run.type", "chain")
				.hasLowCardinalityKeyValue("lcel.operation", "invoke")
				.hasLowCardinalityKeyValue("outcome", "success"));
		assertThat(this.stopped).hasSize(3);
	}

	@Test
	void stepObservationsAreChildrenOfTheChainsObservation() {
		this.chain.invoke(" x ", this.observed);

		Observation.Context root = context("RunnableSequence");
		assertThat(context("trim").getParentObservation().getContextView()).isSameAs(root);
		assertThat(context("upper").getParentObservation().getContextView()).isSameAs(root);
	}

	@Test
	void rootObservationIsAChildOfTheCurrentObservation() {
		Observation request = Observation.start("http.server.requests", this.registry);
		try (Observation.Scope scope = request.openScope()) {
			this.chain.invoke(" x ", this.observed);
		}
		request.stop();

		assertThat(context("RunnableSequence").getParentObservation()).isSameAs(request);
	}

	@Test
	void failureIsRecordedAsErrorOutcome() {
		IllegalStateException boom = new IllegalStateException("boom");
		Runnable<String, String> failing = RunnableLambda.of("fail", (String s) -> {
			throw boom;
		});
		assertThatThrownBy(() -> failing.pipe((String s) -> s).invoke("x", this.observed)).isSameAs(boom);

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("fail")
				.hasLowCardinalityKeyValue("outcome", "error")
				.hasError(boom));
	}

	@Test
	void cancelledStreamIsRecordedAsCancelled() {
		Runnable<String, String> endless = RunnableGenerator.of("endless",
				(Flux<String> in, RunnableConfig config) -> Flux.interval(Duration.ofMillis(1)).map(String::valueOf));

		StepVerifier.create(endless.astream("x", this.observed)).expectNextCount(2).thenCancel().verify();

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("endless")
				.hasLowCardinalityKeyValue("outcome", "cancelled")
				.hasLowCardinalityKeyValue("lcel.operation", "stream"));
		assertThat(this.stopped).extracting(Observation.Context::getContextualName).contains("endless");
	}

	@Test
	void chatModelRunsCarryOpenTelemetryGenAiKeys() {
		dev.lcel.core.models.FakeStreamingChatModel model = dev.lcel.core.models.FakeStreamingChatModel.builder()
			.responses("hello there")
			.build();
		model.invoke("hi", this.observed);

		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("lcel.run.type", "chat_model")
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
				.hasLowCardinalityKeyValue("gen_ai.provider.name", "fake")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "fake-streaming"));
	}

	@Test
	void noopRegistryRecordsNothing() {
		RunnableConfig noop = RunnableConfig.builder()
			.callbacks(new ObservationCallbackHandler(io.micrometer.observation.ObservationRegistry.NOOP))
			.build();
		assertThat(this.chain.invoke(" x ", noop)).isEqualTo("X");
		TestObservationRegistryAssert.assertThat(this.registry).doesNotHaveAnyObservation();
	}

	private Observation.Context context(String contextualName) {
		return this.stopped.stream()
			.filter((context) -> contextualName.equals(context.getContextualName()))
			.findFirst()
			.orElseThrow();
	}

}
