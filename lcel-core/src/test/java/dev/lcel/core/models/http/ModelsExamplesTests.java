package dev.lcel.core.models.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.ToolDefinition;
import dev.lcel.core.models.anthropic.AnthropicChatModel;
import dev.lcel.core.models.ollama.OllamaChatModel;
import dev.lcel.core.models.openai.OpenAiChatModel;
import dev.lcel.core.parsers.StrOutputParser;
import dev.lcel.core.prompts.ChatPromptTemplate;
import dev.lcel.core.runnable.Runnable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of {@code docs/models.md}, compiled: building each provider's model, binding
 * parameters and tools, and piping a model into a chain.
 */
class ModelsExamplesTests {

	record WeatherArgs(String city) {
	}

	@Test
	void theDocumentedBuildersMakeTheDocumentedModels() {
		ChatModel gpt = OpenAiChatModel.builder()
			.apiKey("sk-from-the-environment")
			.model("gpt-4o-mini")
			.temperature(0.2)
			.timeout(Duration.ofSeconds(30))
			.deadline(Duration.ofMinutes(2))
			.build();
		ChatModel claude = AnthropicChatModel.builder()
			.apiKey("sk-ant-from-the-environment")
			.model("claude-haiku-4-5")
			.maxTokens(512)
			.build();
		ChatModel llama = OllamaChatModel.builder().model("llama3.2").build();

		assertThat(List.of(gpt, claude, llama)).extracting(ChatModel::providerName, ChatModel::modelName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("openai", "gpt-4o-mini"),
					org.assertj.core.groups.Tuple.tuple("anthropic", "claude-haiku-4-5"),
					org.assertj.core.groups.Tuple.tuple("ollama", "llama3.2"));
		assertThat(((HttpChatModel) gpt).getBaseUrl()).isEqualTo(OpenAiChatModel.DEFAULT_BASE_URL);
		assertThat(((HttpChatModel) gpt).getDefaults().temperature()).isEqualTo(0.2);
		assertThat(gpt.runMetadata()).containsEntry("ls_provider", "openai");

		Runnable<Map<String, ?>, String> joke = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}")
			.pipe(gpt)
			.pipe(new StrOutputParser());
		assertThat(joke.getGraph().drawAscii()).contains("OpenAiChatModel");

		ChatModel precise = gpt.bind(Map.of("temperature", 0.0, "max_tokens", 100, "stop", List.of("\n\n")));
		ChatModel withTools = gpt
			.bindTools(List.of(ToolDefinition.of("weather", "The weather in a city", WeatherArgs.class)));
		assertThat(precise.modelName()).isEqualTo("gpt-4o-mini");
		assertThat(withTools.providerName()).isEqualTo("openai");
		ToolDefinition weather = ToolDefinition.of("weather", "The weather in a city", WeatherArgs.class);
		assertThat(weather.parameters().path("properties").path("city").path("type").asString()).isEqualTo("string");
		assertThat(weather.parameters().path("required").get(0).asString()).isEqualTo("city");
	}

}
