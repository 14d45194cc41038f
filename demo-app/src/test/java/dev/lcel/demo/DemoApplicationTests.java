package dev.lcel.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DemoApplicationTests {

	@Test
	void tourRunsEveryChain(CapturedOutput output) {
		DemoApplication.main(new String[] { "--tour" });
		assertThat(output).contains("== shout ==", "invoke: \"HELLO, CHAINS!\"", "== stats ==",
				"{\"words\":4,\"letters\":19}", "== typewriter ==", "EVERY CHUNK ARRIVES",
				"== headline == (Shouts a text", "{\"text\":\"CHAINS DECLARED IN YAML!\",\"stats\":{\"words\":4,\"letters\":20}}");
	}

	@Test
	void runOptionTakesTheChainNameAsTheNextArgumentToo(CapturedOutput output) {
		DemoApplication.main(new String[] { "--run", "joke", "{\"topic\":\"bears\"}" });
		assertThat(output).contains("Why do bears have hairy coats? Fur protection!");
	}

	@Test
	void runOptionStreamsOneChainWithTheGivenInput(CapturedOutput output) {
		DemoApplication.main(new String[] { "--run=shout", "\"quiet please\"" });
		assertThat(output).contains("QUIET PLEASE!").doesNotContain("== stats ==");
	}

}
