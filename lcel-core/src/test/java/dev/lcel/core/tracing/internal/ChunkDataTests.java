package dev.lcel.core.tracing.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkDataTests {

	@Test
	void isTheMapOfOneChunkEntry() {
		ChunkData data = new ChunkData("x");
		Map<String, Object> plain = Map.of("chunk", "x");
		assertThat(data).isEqualTo(plain).containsExactly(Map.entry("chunk", "x")).hasSize(1);
		assertThat(plain).isEqualTo(data);
		assertThat(data.hashCode()).isEqualTo(plain.hashCode());
		assertThat(data.get("chunk")).isEqualTo("x");
		assertThat(data.get("input")).isNull();
		assertThat(data.containsKey("input")).isFalse();
		assertThatThrownBy(() -> data.put("input", "y")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void serialisesAsTheObjectOfItsEntry() {
		assertThat(JsonMapper.shared().writeValueAsString(new ChunkData(Map.of("a", 1)))).isEqualTo("{\"chunk\":{\"a\":1}}");
	}

}
