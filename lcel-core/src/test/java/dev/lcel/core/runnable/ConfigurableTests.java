package dev.lcel.core.runnable;

import java.util.Map;

import dev.lcel.core.config.ConfigurableField;
import dev.lcel.core.config.InvalidConfigurableException;
import dev.lcel.core.config.RunnableConfig;
import dev.lcel.core.messages.AIMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.FakeListChatModel;
import dev.lcel.core.models.OptionsRecordingModel;
import dev.lcel.core.parsers.StrOutputParser;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfigurableTests {

	private final Runnable<Object, String> chain = new FakeListChatModel("from gpt")
		.configurableAlternatives("llm", "gpt", Map.of("claude", new FakeListChatModel("from claude")))
		.pipe(new StrOutputParser());

	private static RunnableConfig choose(String key, Object value) {
		return RunnableConfig.builder().configurable(key, value).build();
	}

	@Test
	void alternativeIsChosenPerCall() {
		assertThat(this.chain.invoke("hi")).isEqualTo("from gpt");
		assertThat(this.chain.invoke("hi", choose("llm", "claude"))).isEqualTo("from claude");
		assertThat(this.chain.invoke("hi", choose("llm", "gpt"))).isEqualTo("from gpt");
		StepVerifier.create(this.chain.astream("hi", choose("llm", "claude")).reduce(String::concat))
			.expectNext("from claude")
			.verifyComplete();
	}

	@Test
	void unknownAlternativeNamesTheKeyAndTheChoices() {
		assertThatExceptionOfType(InvalidConfigurableException.class)
			.isThrownBy(() -> this.chain.invoke("hi", choose("llm", "gemini")))
			.withMessageContaining("'gemini'")
			.withMessageContaining("'llm'")
			.withMessageContaining("gpt, claude")
			.satisfies((ex) -> assertThat(ex.getChoices()).containsExactly("gpt", "claude"));
		StepVerifier.create(this.chain.astream("hi", choose("llm", "gemini")))
			.verifyError(InvalidConfigurableException.class);
	}

	@Test
	void defaultMustBeAnAlternative() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> RunnableConfigurableAlternatives.of("llm", "gpt",
					Map.of("claude", new FakeListChatModel("x"))))
			.withMessageContaining("'gpt'")
			.withMessageContaining("claude");
	}

	@Test
	void configSchemaOfAChainListsItsConfigurableKeys() {
		Runnable<Object, String> configured = this.chain
			.pipe(RunnableLambda.of((String s) -> s))
			.withConfig(RunnableConfig.builder().tags("x").build());
		JsonNode llm = configured.configSchema().at("/properties/configurable/properties/llm");
		assertThat(llm.get("enum").toString()).isEqualTo("[\"gpt\",\"claude\"]");
		assertThat(llm.get("default").asString()).isEqualTo("gpt");
		assertThat(configured.configSpecs()).extracting("id").containsExactly("llm");
		assertThat(RunnableParallel.of(Map.of("a", this.chain)).configSchema().toString()).contains("\"llm\"");
		assertThat(new FakeListChatModel("x").configSchema().at("/properties/configurable/type").asString())
			.isEqualTo("object");
	}

	@Test
	void configurableFieldsBindTheValuesACallSets() {
		OptionsRecordingModel model = new OptionsRecordingModel();
		Runnable<Object, AIMessage> configurable = model.configurableFields(Map.of("temperature",
				new ConfigurableField("llm_temperature", "Temperature", "Sampling temperature", "number")));

		configurable.invoke("hi");
		configurable.invoke("hi", choose("llm_temperature", 0.9));
		configurable.astream("hi", choose("llm_temperature", 0.1)).blockLast();

		assertThat(model.seen).extracting(ChatOptions::temperature).containsExactly(null, 0.9, 0.1);
		JsonNode field = configurable.configSchema().at("/properties/configurable/properties/llm_temperature");
		assertThat(field.get("title").asString()).isEqualTo("Temperature");
		assertThat(field.get("type").asString()).isEqualTo("number");
	}

	@Test
	void bindingAlternativesBindsEachOfThem() {
		OptionsRecordingModel first = new OptionsRecordingModel();
		OptionsRecordingModel second = new OptionsRecordingModel();
		Runnable<Object, AIMessage> both = first.configurableAlternatives("llm", "first", Map.of("second", second))
			.bind(Map.of("temperature", 0.5));
		both.invoke("hi", choose("llm", "second"));
		assertThat(second.seen).extracting(ChatOptions::temperature).containsExactly(0.5);
		assertThat(first.seen).isEmpty();
	}

}
