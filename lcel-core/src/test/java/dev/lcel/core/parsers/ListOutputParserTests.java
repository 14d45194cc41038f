package dev.lcel.core.parsers;

import java.util.List;

import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessageChunk;
import dev.lcel.core.runnable.ChunkAggregator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ListOutputParserTests {

	@Test
	void commaSeparatedItemsAreStrippedAndQuotesProtectCommas() {
		assertThat(ListOutputParser.commaSeparated().invoke(" red, green ,\"blue, dark\", ,yellow "))
			.containsExactly("red", "green", "blue, dark", "yellow");
	}

	@Test
	void commaSeparatedStreamsOneItemAsSoonAsItIsComplete() {
		Flux<Object> chunks = Flux.just(new AIMessageChunk("re"), new AIMessageChunk("d, gr"), new AIMessageChunk("een,"),
				new AIMessageChunk(" blue"));
		StepVerifier.create(ListOutputParser.commaSeparated().transform(chunks, RunnableConfig.EMPTY))
			.expectNext(List.of("red"), List.of("green"), List.of("blue"))
			.verifyComplete();
	}

	@Test
	void numberedListSkipsOtherLinesAndStreamsItems() {
		ListOutputParser parser = ListOutputParser.numbered();
		assertThat(parser.invoke("Here you go:\n1. red\n2.  green \n\n10. blue")).containsExactly("red", "green", "blue");
		StepVerifier.create(parser.transform(Flux.just("Sure!\n1. r", "ed\n2. gre", "en"), RunnableConfig.EMPTY))
			.expectNext(List.of("red"), List.of("green"))
			.verifyComplete();
	}

	@Test
	void streamedItemsConcatenateIntoTheInvokeResult() {
		ListOutputParser parser = ListOutputParser.commaSeparated();
		Object joined = ChunkAggregator.aggregate(parser.transform(Flux.just("a,", "b", ",c"), RunnableConfig.EMPTY)).block();
		assertThat(joined).isEqualTo(parser.invoke("a,b,c"));
	}

	@Test
	void formatInstructionsAndSchemaDescribeAListOfStrings() {
		assertThat(ListOutputParser.commaSeparated().getFormatInstructions()).contains("comma-separated");
		assertThat(ListOutputParser.numbered().getFormatInstructions()).contains("1. red");
		assertThat(ListOutputParser.numbered().outputSchema().get("items").get("type").asString()).isEqualTo("string");
	}

}
