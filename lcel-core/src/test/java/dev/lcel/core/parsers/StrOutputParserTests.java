package dev.lcel.core.parsers;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.messages.HumanMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StrOutputParserTests {

	private final StrOutputParser parser = new StrOutputParser();

	@Test
	void turnsMessagesAndTextIntoText() {
		assertThat(this.parser.invoke(new AIMessage("hi"))).isEqualTo("hi");
		assertThat(this.parser.invoke(new HumanMessage("yo"))).isEqualTo("yo");
		assertThat(this.parser.invoke("plain")).isEqualTo("plain");
	}

	@Test
	void streamsChunkByChunk() {
		StepVerifier.create(this.parser.transform(Flux.just(new AIMessageChunk("a"), new AIMessageChunk(""),
				new AIMessageChunk(" b")), RunnableConfig.EMPTY))
			.expectNext("a", "", " b")
			.verifyComplete();
	}

	@Test
	void rejectsOtherInputNamingItsType() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.parser.invoke(42))
			.withMessageContaining("java.lang.Integer");
	}

}
