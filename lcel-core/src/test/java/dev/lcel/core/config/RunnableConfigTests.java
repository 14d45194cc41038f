package dev.lcel.core.config;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RunnableConfigTests {

	@Test
	void emptyConfigHasTheDefaultRecursionLimit() {
		assertThat(RunnableConfig.EMPTY.recursionLimit()).isEqualTo(25);
		assertThat(RunnableConfig.EMPTY.tags()).isEmpty();
	}

	@Test
	void childKeepsEverythingButRunNameAndId() {
		RunnableConfig parent = RunnableConfig.builder()
			.tags("a")
			.metadata("k", "v")
			.runName("parent")
			.runId(UUID.randomUUID())
			.maxConcurrency(3)
			.recursionLimit(7)
			.configurable("llm", "claude")
			.build();

		RunnableConfig child = parent.forChild();

		assertThat(child.tags()).containsExactly("a");
		assertThat(child.metadata()).containsEntry("k", "v");
		assertThat(child.maxConcurrency()).isEqualTo(3);
		assertThat(child.recursionLimit()).isEqualTo(7);
		assertThat(child.configurable()).containsEntry("llm", "claude");
		assertThat(child.runName()).isNull();
		assertThat(child.runId()).isNull();
	}

	@Test
	void mergeJoinsTagsAndLetsTheOverrideWin() {
		RunnableConfig base = RunnableConfig.builder().tags("a", "b").metadata("k", 1).metadata("keep", true).build();
		RunnableConfig override = RunnableConfig.builder().tags("b", "c").metadata("k", 2).runName("call").build();

		RunnableConfig merged = base.merge(override);

		assertThat(merged.tags()).containsExactly("a", "b", "c");
		assertThat(merged.metadata()).containsEntry("k", 2).containsEntry("keep", true);
		assertThat(merged.runName()).isEqualTo("call");
	}

	@Test
	void collectionsAreImmutable() {
		RunnableConfig config = RunnableConfig.builder().tags("a").build();
		assertThat(config.tags()).isUnmodifiable();
		assertThat(config.metadata()).isUnmodifiable();
	}

	@Test
	void maxConcurrencyMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunnableConfig.builder().maxConcurrency(0).build())
			.withMessageContaining("maxConcurrency");
	}

}
