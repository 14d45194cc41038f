package dev.lcel.autoconfigure.binding;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.chain.ChainAutoConfiguration;
import dev.lcel.autoconfigure.chain.ChainRegistry;
import dev.lcel.autoconfigure.support.StartupProblems;
import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.autoconfigure.model.ModelProperties;
import dev.lcel.autoconfigure.model.ModelsProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown keys and unreadable values under {@code lcel.models} and {@code lcel.chains} fail startup
 * with one report naming each path, the valid keys there and the nearest match.
 */
class StrictBindingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ModelAutoConfiguration.class, ChainAutoConfiguration.class));

	@Test
	void everyTypoOfAYamlFileIsReportedAtOnceWithTheNearestKey() {
		this.contextRunner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(yaml("binding/typos.yml")))
			.run((context) -> {
				List<String> problems = StartupProblems.of(context.getStartupFailure());
				assertThat(problems).anySatisfy((p) -> assertThat(p)
					.startsWith("lcel.models.gpt.temprature: unknown key; did you mean 'temperature'? Valid keys here: provider, model, base-url, api-key, temperature,")
					.contains("(class path resource [binding/typos.yml] - 6:19)"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.models.gpt.base-ulr: unknown key; did you mean 'base-url'?"));
				assertThat(problems).anySatisfy((p) -> assertThat(p)
					.startsWith("lcel.models.gpt.retry.max-atempts: unknown key; did you mean 'max-attempts'? Valid keys here: max-attempts, initial-backoff, max-backoff"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.joke.stpes: unknown key; did you mean 'steps'? Valid keys here: description, steps, parallel, history"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.story.steps[0].promt: unknown key; did you mean 'prompt'?"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.story.steps[1].fallback: unknown key; did you mean 'fallbacks'?"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.story.steps[2].model.defualt: unknown key; did you mean 'default'? Valid keys here: name, alternatives, key, configurable, default"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.story.history.session-key: unknown key; did you mean 'session-id-key'?"));
				assertThat(problems).contains("lcel.models.fast.timeout: cannot be read as a duration, such as 500ms, 30s, 5m or PT30S");
				assertThat(problems).hasSize(9);
				assertThat(String.join("\n", problems)).doesNotContain("sk-test-secret", "Failed to bind", "Property:");
			});
	}

	@Test
	void valuesOfTheWrongTypeNameTheirPathAndTheExpectedTypeButNotTheValue() {
		this.contextRunner
			.withPropertyValues("lcel.models.m.provider=fake", "lcel.models.m.chunk-size=lots",
					"lcel.models.m.temperature=hot", "lcel.models.m.api-key=sk-secret-value",
					"lcel.chains.a.steps[0].retry.max-attempts=many", "lcel.chains.a.steps[0].prompt=hi",
					"lcel.chains.a.history.ttl=forever")
			.run((context) -> {
				List<String> problems = StartupProblems.of(context.getStartupFailure());
				assertThat(problems).containsExactlyInAnyOrder("lcel.models.m.chunk-size: cannot be read as a whole number",
						"lcel.models.m.temperature: cannot be read as a number, such as 0.7",
						"lcel.chains.a.steps[0].retry.max-attempts: cannot be read as a whole number",
						"lcel.chains.a.history.ttl: cannot be read as a duration, such as 500ms, 30s, 5m or PT30S");
				assertThat(String.join("\n", problems)).doesNotContain("lots", "hot", "many", "forever");
			});
	}

	@Test
	void aKeyFarFromEveryValidKeyGetsNoSuggestion() {
		this.contextRunner.withPropertyValues("lcel.chains.a.steps[0].prompt=hi", "lcel.chains.a.steps[0].colour=red")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure())).singleElement()
				.asString()
				.startsWith("lcel.chains.a.steps[0].colour: unknown key. Valid keys here: prompt, messages, model, bind, output, parser,"));
	}

	@Test
	void keysUnderAValueOrAListAreReported() {
		this.contextRunner
			.withPropertyValues("lcel.chains.a.steps[0].prompt.text=hi", "lcel.chains.b.steps.first.prompt=hi")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure())).containsExactlyInAnyOrder(
					"lcel.chains.a.steps[0].prompt: takes a single value, found key 'text' under it",
					"lcel.chains.b.steps: is a list; write its entries as '- ...' items, found key 'first'"));
	}

	@Test
	void freeFormMapsAndRelaxedNamesAreAccepted() {
		this.contextRunner
			.withPropertyValues("lcel.models.m.provider=fake", "lcel.models.m.options.num_ctx=4096",
					"lcel.models.m.options.nested.deep=1", "lcel.models.m.retry.maxAttempts=2",
					"lcel.models.m.chunk_size=3", "lcel.chains.a.steps[0].messages[0].system=be brief",
					"lcel.chains.a.steps[0].messages[1].human={q}", "lcel.chains.a.steps[1].model=m",
					"lcel.chains.a.steps[1].bind.stop[0]=x", "lcel.chains.a.steps[2].parser=str")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ChainRegistry.class).getChains()).containsKey("a");
			});
	}

	@Test
	void aProvidersOptionsBindInItsGroupAndTheirOldKeysStillBindWithADeprecationNamingTheNewKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("lcel.models.m.provider", "fake")
			.withProperty("lcel.models.m.fake.responses[0]", "hi")
			.withProperty("lcel.models.m.chunk_size", "3")
			.withProperty("lcel.models.m.organization", "org-old")
			.withProperty("lcel.models.m.anthropic.beta", "tools");
		StrictPropertiesBinder binder = new StrictPropertiesBinder(environment);

		ModelProperties model = binder.bind("lcel", ModelsProperties.class, "models").models().get("m");

		assertThat(binder.problems()).isEmpty();
		assertThat(binder.deprecations()).containsExactlyInAnyOrder(
				"lcel.models.m.chunk_size is deprecated; use lcel.models.m.fake.chunk-size",
				"lcel.models.m.organization is deprecated; use lcel.models.m.openai.organization");
		assertThat(model.fake().responses()).containsExactly("hi");
		assertThat(model.fake().chunkSize()).isEqualTo(3);
		assertThat(model.openai().organization()).isEqualTo("org-old");
		assertThat(model.anthropic().beta()).isEqualTo("tools");
	}

	@Test
	void whenAnOldKeyAndItsGroupsKeyAreBothSetTheGroupsKeyWinsWhateverTheSource() {
		// The old keys come from the higher-priority source (a command line, say); the group's keys
		// sort both before (openai < organization, fake < responses) and after (fake > delay) them.
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("command-line", Map.of("lcel.models.m.organization", "org-old",
					"lcel.models.m.responses[0]", "old", "lcel.models.m.delay", "0ms")));
		environment.withProperty("lcel.models.m.provider", "fake")
			.withProperty("lcel.models.m.openai.organization", "org-new")
			.withProperty("lcel.models.m.fake.responses[0]", "new")
			.withProperty("lcel.models.m.fake.delay", "30ms");
		StrictPropertiesBinder binder = new StrictPropertiesBinder(environment);

		ModelProperties model = binder.bind("lcel", ModelsProperties.class, "models").models().get("m");

		assertThat(model.openai().organization()).isEqualTo("org-new");
		assertThat(model.fake().responses()).containsExactly("new");
		assertThat(model.fake().delay()).isEqualTo(Duration.ofMillis(30));
	}

	@Test
	void aTypoIsNeverMatchedToADeprecatedKey() {
		this.contextRunner.withPropertyValues("lcel.models.m.provider=fake", "lcel.models.m.respnses[0]=hi")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure())).singleElement()
				.asString()
				.startsWith("lcel.models.m.respnses: unknown key. Valid keys here: provider, model,")
				.doesNotContain("chunk-size"));
	}

	private static PropertySource<?> yaml(String path) {
		try {
			return new YamlPropertySourceLoader().load(path, new ClassPathResource(path)).get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
