package dev.lcel.core.differential;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonAdditionTests {

	@Test
	void mapChunksAddKeyByKeyAndReplaceNestedMaps() {
		assertThat(PythonAddition.sum(RawEdits.json("""
				[{"s": "a", "n": 1, "l": [1], "m": {"x": "p"}}, {"s": "b", "n": 2, "l": [2], "m": {"y": 1}, "new": true}]""")))
			.isEqualTo(RawEdits.json("{\"s\": \"ab\", \"n\": 3, \"l\": [1, 2], \"m\": {\"y\": 1}, \"new\": true}"));
	}

	@Test
	void messageChunksConcatenateTheirContent() {
		assertThat(PythonAddition.sum(RawEdits.json("""
				[{"$message": "AIMessageChunk", "content": "Wh"}, {"$message": "AIMessageChunk", "content": "y?"}]""")))
			.isEqualTo(RawEdits.json("{\"$message\": \"AIMessageChunk\", \"content\": \"Why?\"}"));
	}

	@Test
	void chunksThatCannotBeAddedRestartTheSumAndNoChunksSumToNull() {
		assertThat(PythonAddition.sum(RawEdits.json("[\"a\", 1, 2]"))).isEqualTo(RawEdits.json("3"));
		assertThat(PythonAddition.sum(RawEdits.json("[]")).isNull()).isTrue();
	}

}
