package dev.lcel.benchmarks.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadOptionsTests {

	@Test
	void streamsDefaultToTwoThousandClientsForThirtySeconds() {
		LoadOptions options = LoadOptions.parse();
		assertThat(options.mode()).isEqualTo("stream");
		assertThat(options.clients()).isEqualTo(2000);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.url()).isEqualTo("http://127.0.0.1:8080");
	}

	@Test
	void streamsAndInvokeAreComparedWithTheirOwnPlainHandlers() {
		assertThat(LoadOptions.parse().baselinePath()).isEqualTo("/baseline/stream");
		assertThat(LoadOptions.parse("--mode=invoke").baselinePath()).isEqualTo("/baseline/invoke");
		assertThat(LoadOptions.parse("--baseline-path=/other").baselinePath()).isEqualTo("/other");
	}

	@Test
	void streamsAreWarmedUpUntilTheJitIsDoneAndTheOthersBriefly() {
		assertThat(LoadOptions.parse().warmup()).isEqualTo(Duration.ofSeconds(70));
		assertThat(LoadOptions.parse("--mode=invoke").warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(LoadOptions.parse("--warmup=20").warmup()).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void soakDefaultsToOneThousandClientsForSixtySeconds() {
		LoadOptions options = LoadOptions.parse("--mode=soak");
		assertThat(options.clients()).isEqualTo(1000);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void amplificationDefaultsToTwentyAttackersOnTheCountriesChain() {
		LoadOptions options = LoadOptions.parse("--mode=amplification");
		assertThat(options.clients()).isEqualTo(20);
		assertThat(options.attackChain()).isEqualTo("countries");
		assertThat(LoadOptions.parse("--mode=amplification", "--attack-chain=other").attackChain()).isEqualTo("other");
	}

	@Test
	void theAmplificationBodyIsUnderTheLimitAndAListOfNonMessages() {
		String body = AmplificationLoad.body(AmplificationLoad.BODY_BYTES);
		assertThat(body.length()).isBetween(AmplificationLoad.BODY_BYTES - 4, AmplificationLoad.BODY_BYTES);
		assertThat(body).startsWith("{\"input\":[{},{}").endsWith("{}]}");
	}

	@Test
	void flagsOverrideTheDefaults() {
		LoadOptions options = LoadOptions.parse("--clients=50", "--duration=2.5s", "--chain=poem", "--pid=42");
		assertThat(options.clients()).isEqualTo(50);
		assertThat(options.duration()).isEqualTo(Duration.ofMillis(2500));
		assertThat(options.chain()).isEqualTo("poem");
		assertThat(options.pid()).isEqualTo(42);
		assertThat(options.requestBody()).isEqualTo("{\"input\":{\"topic\":\"bears\"}}");
	}

	@Test
	void anUnknownFlagIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--client=5"))
			.withMessageContaining("[client]");
	}

	@Test
	void anUnknownModeIsRefusedWithTheModes() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--mode=flood"))
			.withMessageContaining("stream, soak, invoke");
	}

}
