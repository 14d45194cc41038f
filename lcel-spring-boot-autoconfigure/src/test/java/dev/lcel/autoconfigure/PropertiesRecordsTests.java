package dev.lcel.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lcel.autoconfigure.history.HistoryProperties;
import dev.lcel.autoconfigure.observation.LcelMetricsProperties;
import dev.lcel.autoconfigure.observation.LcelObservationProperties;
import dev.lcel.autoconfigure.openai.OpenAiApiProperties;
import dev.lcel.autoconfigure.web.LcelServerProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The server's, the OpenAI API's, history's, metrics' and observations' properties, records bound
 * by constructor: their defaults, their unmodifiable collections, a bad value failing at startup
 * by its path, and {@code /actuator/configprops} listing every key the configuration metadata has.
 */
class PropertiesRecordsTests {

	private static final Set<String> PREFIXES = Set.of("lcel.server", "lcel.openai-api", "lcel.history", "lcel.metrics",
			"lcel.observations");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(Report.class);

	@Test
	void defaultsAreBoundWhenNothingIsSet() {
		this.contextRunner.run((context) -> {
			LcelServerProperties server = context.getBean(LcelServerProperties.class);
			assertThat(server.enabled()).isTrue();
			assertThat(server.routePrefix()).isEqualTo("/chains");
			assertThat(server.expose()).isEmpty();
			assertThat(server.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(server.configKeys()).containsExactly("configurable", "tags", "metadata", "run_name");
			assertThat(server.maxBatchSize()).isEqualTo(1000);
			assertThat(server.maxBatchConcurrency()).isEqualTo(16);
			assertThat(server.routes()).isEqualTo(new LcelServerProperties.Routes(null, null, null, null, null));
			assertThat(server.chainRoutes()).isEmpty();
			assertThat(server.cors()).isEqualTo(new LcelServerProperties.Cors(List.of(), List.of(),
					List.of("GET", "POST"), List.of("*"), List.of(), false, Duration.ofMinutes(30)));
			assertThat(server.limits()).isEqualTo(
					new LcelServerProperties.Limits(20_000, 20, 100_000, 16, 100, DataSize.ofKilobytes(1)));
			assertThat(server.connection()).isEqualTo(new LcelServerProperties.Connection(true,
					Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60)));
			assertThat(context.getBean(OpenAiApiProperties.class))
				.isEqualTo(new OpenAiApiProperties(false, "/v1", "X-Session-Id", "session_id", "user", 1000, Map.of()));
			assertThat(context.getBean(HistoryProperties.class)).isEqualTo(new HistoryProperties(
					new HistoryProperties.Redis("lcel:history:"),
					new HistoryProperties.Memory(10_000, DataSize.ofMegabytes(64))));
			assertThat(context.getBean(LcelMetricsProperties.class)).isEqualTo(new LcelMetricsProperties(true, 500));
			assertThat(context.getBean(LcelObservationProperties.class))
				.isEqualTo(new LcelObservationProperties(true, true));
		});
	}

	@Test
	void collectionsAreUnmodifiableAndMapsKeepTheirOrder() {
		this.contextRunner
			.withPropertyValues("lcel.server.expose=b,a", "lcel.server.chain-routes.zeta.batch=false",
					"lcel.server.chain-routes.alpha.playground=true", "lcel.server.cors.allowed-origins=https://a.test",
					"lcel.openai-api.chains.zeta.input-key=question", "lcel.openai-api.chains.alpha.enabled=false",
					"lcel.openai-api.chains.zeta.inputs.language=en", "lcel.openai-api.chains.zeta.options.top_p=p")
			.run((context) -> {
				LcelServerProperties server = context.getBean(LcelServerProperties.class);
				assertThat(server.expose()).containsExactly("b", "a").isUnmodifiable();
				assertThat(server.configKeys()).isUnmodifiable();
				assertThat(server.chainRoutes()).containsOnlyKeys("zeta", "alpha").isUnmodifiable();
				assertThat(server.chainRoutes().keySet()).containsExactly("zeta", "alpha");
				assertThat(server.chainRoutes().get("zeta").batch()).isFalse();
				assertThat(server.chainRoutes().get("zeta").playground()).isNull();
				assertThat(server.cors().allowedOrigins()).containsExactly("https://a.test").isUnmodifiable();
				assertThat(server.cors().allowedMethods()).isUnmodifiable();
				OpenAiApiProperties openAi = context.getBean(OpenAiApiProperties.class);
				assertThat(openAi.chains().keySet()).containsExactly("zeta", "alpha");
				assertThat(openAi.chains()).isUnmodifiable();
				OpenAiApiProperties.ChatChainProperties zeta = openAi.chains().get("zeta");
				assertThat(zeta.enabled()).isTrue();
				assertThat(zeta.chain()).isNull();
				assertThat(zeta.inputKey()).isEqualTo("question");
				assertThat(zeta.inputs()).containsExactly(Map.entry("language", "en")).isUnmodifiable();
				assertThat(zeta.options()).containsExactly(Map.entry("top_p", "p")).isUnmodifiable();
				assertThat(openAi.chains().get("alpha").enabled()).isFalse();
			});
	}

	@Test
	void aValueThatCannotBeConvertedFailsAtStartupNamingItsPath() {
		this.contextRunner.withPropertyValues("lcel.server.limits.max-tags=many").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Failed to bind properties under 'lcel.server.limits.max-tags' to int");
		});
	}

	@Test
	void configpropsListsEveryKeyOfTheMetadata() throws IOException {
		JsonNode metadata = JsonMapper.shared()
			.readTree(Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json")));
		Set<String> documented = new TreeSet<>();
		metadata.get("properties").forEach((property) -> {
			String name = property.get("name").asString();
			if (PREFIXES.stream().anyMatch((prefix) -> name.startsWith(prefix + "."))) {
				documented.add(name);
			}
		});
		assertThat(documented).hasSizeGreaterThan(40);
		// a switch left unset is null, which the report leaves out
		this.contextRunner.withPropertyValues("lcel.server.routes.playground=true", "lcel.server.routes.batch=true",
				"lcel.server.routes.stream-log=true", "lcel.server.routes.stream-events=true",
				"lcel.server.routes.schema=true")
			.run((context) -> {
				Set<String> reported = new TreeSet<>();
				context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationProperties()
					.getContexts()
					.values()
					.forEach((described) -> described.getBeans()
						.values()
						.stream()
						.filter((bean) -> PREFIXES.contains(bean.getPrefix()))
						.forEach((bean) -> collectKeys(bean.getPrefix(), bean.getProperties(), reported)));
				assertThat(reported).containsExactlyInAnyOrderElementsOf(documented);
			});
	}

	@SuppressWarnings("unchecked")
	private static void collectKeys(String prefix, Map<String, Object> properties, Set<String> keys) {
		properties.forEach((name, value) -> {
			String key = prefix + "." + name.replaceAll("([A-Z])", "-$1").toLowerCase();
			if (value instanceof Map<?, ?> nested && !key.endsWith("chain-routes") && !key.endsWith(".chains")) {
				collectKeys(key, (Map<String, Object>) nested, keys);
			}
			else {
				keys.add(key);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ LcelServerProperties.class, OpenAiApiProperties.class, HistoryProperties.class,
			LcelMetricsProperties.class, LcelObservationProperties.class })
	static class Report {

		@Bean
		ConfigurationPropertiesReportEndpoint configurationPropertiesReportEndpoint() {
			return new ConfigurationPropertiesReportEndpoint(List.of(), Show.ALWAYS);
		}

	}

}
