package dev.lcel.core.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lcel.core.tracing.CallbackHandler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void aBuilderChangedAfterBuildLeavesTheBuiltConfigAsItWas() {
		RunnableConfig.Builder builder = RunnableConfig.builder().tags("a").metadata("k", 1).configurable("c", 1);
		RunnableConfig first = builder.build();

		RunnableConfig second = builder.tags("b").metadata("k", 2).metadata("more", true).configurable("c", 2).build();

		assertThat(first.tags()).containsExactly("a");
		assertThat(first.metadata()).containsExactly(Map.entry("k", 1));
		assertThat(first.configurable()).containsExactly(Map.entry("c", 1));
		assertThat(second.tags()).containsExactly("a", "b");
		assertThat(second.metadata()).containsExactly(Map.entry("k", 2), Map.entry("more", true));
		assertThat(second.configurable()).containsExactly(Map.entry("c", 2));
	}

	@Test
	void aBuilderFromAConfigLeavesThatConfigAsItWas() {
		RunnableConfig base = RunnableConfig.builder().tags("a").metadata("k", 1).build();

		RunnableConfig changed = base.toBuilder().tags("b").metadata("k", 2).build();

		assertThat(base.tags()).containsExactly("a");
		assertThat(base.metadata()).containsExactly(Map.entry("k", 1));
		assertThat(changed.tags()).containsExactly("a", "b");
		assertThat(changed.metadata()).containsExactly(Map.entry("k", 2));
	}

	@Test
	void metadataKeepsTheCallersOrderAndIsACopyOfTheCallersMap() {
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("z", 1);
		given.put("a", null);
		given.put("m", 3);
		RunnableConfig config = new RunnableConfig(List.of(), given, List.of(), null, null, null, 25, given);

		given.put("later", 4);

		assertThat(config.metadata().keySet()).containsExactly("z", "a", "m");
		assertThat(config.metadata()).containsEntry("a", null).doesNotContainKey("later");
		assertThat(config.configurable()).isUnmodifiable().containsEntry("m", 3).doesNotContainKey("later");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("z", 1);
		expected.put("a", null);
		expected.put("m", 3);
		assertThat(config.metadata()).isEqualTo(expected).hasSameHashCodeAs(expected);
		assertThat(config).isEqualTo(new RunnableConfig(List.of(), expected, List.of(), null, null, null, 25, expected));
	}

	@Test
	void configsMadeFromAConfigShareItsMetadataRatherThanCopyingIt() {
		RunnableConfig parent = RunnableConfig.builder().metadata("k", "v").runName("parent").build();
		List<CallbackHandler> callbacks = List.of(new CallbackHandler() {
		});

		assertThat(parent.forChild().metadata()).isSameAs(parent.metadata());
		assertThat(parent.withCallbacks(callbacks).metadata()).isSameAs(parent.metadata());
		assertThat(parent.toBuilder().runId(UUID.randomUUID()).build().metadata()).isSameAs(parent.metadata());
		assertThat(parent.merge(RunnableConfig.builder().runName("call").build()).metadata()).isSameAs(parent.metadata());
	}

	@Test
	void mergeWithTagsOnOneSideOnlyKeepsThem() {
		RunnableConfig tagged = RunnableConfig.builder().tags("a", "b").build();
		RunnableConfig named = RunnableConfig.builder().runName("n").build();

		assertThat(tagged.merge(named).tags()).containsExactly("a", "b");
		assertThat(named.merge(tagged).tags()).containsExactly("a", "b");
		assertThat(named.merge(tagged).runName()).isEqualTo("n");
	}

	@Test
	void maxConcurrencyMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> RunnableConfig.builder().maxConcurrency(0).build())
			.withMessageContaining("maxConcurrency");
	}

	@Test
	void metadataIsACopyInTheCallersOrderThatAChildConfigShares() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("zeta", 1);
		metadata.put("alpha", null);
		metadata.put("mid", "x");
		RunnableConfig config = new RunnableConfig(List.of(), metadata, List.of(), null, null, null,
				RunnableConfig.DEFAULT_RECURSION_LIMIT, Map.of("k", "v"));
		metadata.put("late", true);

		assertThat(config.metadata().keySet()).containsExactly("zeta", "alpha", "mid");
		assertThat(config.metadata()).containsEntry("alpha", null).containsEntry("zeta", 1);
		assertThat(config.metadata()).isEqualTo(new HashMap<>(config.metadata())).hasToString("{zeta=1, alpha=null, mid=x}");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> config.metadata().put("a", 1));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> config.metadata().remove("zeta"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> config.metadata().clear());
		RunnableConfig child = config.withCallbacks(List.of());
		assertThat(child.metadata()).isSameAs(config.metadata());
		assertThat(child.configurable()).isSameAs(config.configurable());
	}

}
