package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.lcel.autoconfigure.support.StartupProblems;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ConfiguredChainsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class))
		.withUserConfiguration(Steps.class);

	@SuppressWarnings("unchecked")
	private static Object run(AssertableApplicationContext context, String chain, Object input) {
		return ((Runnable<Object, Object>) context.getBean(ChainRegistry.class).get(chain)).invoke(input);
	}

	@Test
	void sequenceOfBeanAndChainStepsRuns() {
		this.contextRunner
			.withPropertyValues("lcel.chains.shout.description=Shouts", "lcel.chains.shout.steps[0].bean=trim",
					"lcel.chains.shout.steps[1].bean=upper", "lcel.chains.loud.steps[0].chain=shout",
					"lcel.chains.loud.steps[1].bean=exclaim")
			.run((context) -> {
				assertThat(run(context, "loud", "  hey ")).isEqualTo("HEY!");
				assertThat(context.getBean(ChainRegistry.class).description("shout")).hasValue("Shouts");
				assertThat(context.getBean("shout")).isInstanceOf(Runnable.class);
			});
	}

	@Test
	void parallelChainRunsNamedSteps() {
		this.contextRunner
			.withPropertyValues("lcel.chains.both.parallel.upper.bean=upper", "lcel.chains.both.parallel.same.passthrough=true")
			.run((context) -> assertThat(run(context, "both", "a")).isEqualTo(Map.of("upper", "A", "same", "a")));
	}

	@Test
	void assignAndPickShapeMaps() {
		this.contextRunner
			.withPropertyValues("lcel.chains.shape.steps[0].assign.loud.bean=loudTopic",
					"lcel.chains.shape.steps[1].pick[0]=loud")
			.run((context) -> assertThat(run(context, "shape", Map.of("topic", "cats"))).isEqualTo("CATS"));
	}

	@Test
	void branchChoosesBySpelOrPredicateBean() {
		this.contextRunner
			.withPropertyValues("lcel.chains.route.steps[0].branch.cases[0].when=#input['topic'] == 'cats'",
					"lcel.chains.route.steps[0].branch.cases[0].then[0].bean=meow",
					"lcel.chains.route.steps[0].branch.cases[1].predicate=isDog",
					"lcel.chains.route.steps[0].branch.cases[1].then[0].bean=woof",
					"lcel.chains.route.steps[0].branch.otherwise[0].bean=shrug")
			.run((context) -> {
				assertThat(run(context, "route", Map.of("topic", "cats"))).isEqualTo("meow");
				assertThat(run(context, "route", Map.of("topic", "dogs"))).isEqualTo("woof");
				assertThat(run(context, "route", Map.of("topic", "owls"))).isEqualTo("?");
			});
	}

	@Test
	void retryAndFallbacksDecorateAStep() {
		this.contextRunner
			.withPropertyValues("lcel.chains.safe.steps[0].bean=broken",
					"lcel.chains.safe.steps[0].retry.max-attempts=2", "lcel.chains.safe.steps[0].retry.initial-backoff=0ms",
					"lcel.chains.safe.steps[0].fallbacks[0].bean=upper")
			.run((context) -> {
				assertThat(run(context, "safe", "ok")).isEqualTo("OK");
				assertThat(context.getBean(Steps.class).brokenCalls).isEqualTo(2);
			});
	}

	@Test
	void beanChainsCanInjectConfiguredChains() {
		this.contextRunner.withUserConfiguration(UsesConfiguredChain.class)
			.withPropertyValues("lcel.chains.shout.steps[0].bean=upper")
			.run((context) -> {
				assertThat(run(context, "shoutTwice", "a")).isEqualTo("AA");
				assertThat(context.getBean(ChainRegistry.class).getChains()).containsKeys("shout", "shoutTwice");
			});
	}

	@Test
	void chainNameAnnotationRenamesABeanChain() {
		this.contextRunner.withUserConfiguration(NamedChain.class)
			.run((context) -> assertThat(context.getBean(ChainRegistry.class).getChains()).containsKey("polite")
				.doesNotContainKey("politeChainBean"));
	}

	@Test
	void everyProblemIsReportedAtOnceWithItsPathAndTheValidChoices() {
		this.contextRunner
			.withPropertyValues("lcel.chains.a.steps[0].chain=jok", "lcel.chains.a.steps[1].bean=nope",
					"lcel.chains.a.steps[2].bean=notAStep", "lcel.chains.b.steps[0].bean=upper",
					"lcel.chains.b.steps[0].chain=a", "lcel.chains.b.steps[1].retry.max-attempts=2",
					"lcel.chains.c.description=empty", "lcel.chains.d.steps[0].branch.cases[0].when=#input[",
					"lcel.chains.d.steps[0].branch.cases[0].then[0].bean=upper")
			.run((context) -> {
				assertThat(context).hasFailed();
				List<String> problems = StartupProblems.of(context.getStartupFailure());
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.a.steps[0].chain: unknown chain 'jok'; chains: [")
					.contains("a", "b", "upper"));
				assertThat(problems).contains("lcel.chains.a.steps[1].bean: no bean named 'nope'");
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.a.steps[2].bean: bean 'notAStep' is a java.lang.String"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.b.steps[0]: a step needs exactly one of [prompt, messages, model, parser, chain, bean,")
					.endsWith("found [chain, bean]"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.b.steps[1]: a step needs exactly one of").endsWith("found none"));
				assertThat(problems).contains("lcel.chains.c: a chain needs either 'steps' (a sequence) or 'parallel' (a map of steps)");
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith("lcel.chains.d.steps[0].branch.cases[0].when: invalid expression '#input['"));
				assertThat(problems).contains("lcel.chains.d.steps[0].branch.otherwise: a branch needs the steps taken when no case holds");
			});
	}

	@Test
	void cyclesAreReportedWithTheCycle() {
		this.contextRunner
			.withPropertyValues("lcel.chains.a.steps[0].chain=b", "lcel.chains.b.steps[0].chain=c",
					"lcel.chains.c.steps[0].chain=a")
			.run((context) -> assertThat(StartupProblems.of(context.getStartupFailure()))
				.containsExactly("lcel.chains.a: chains refer to each other in a cycle: a -> b -> c -> a"));
	}

	@Test
	void failureAnalysisListsTheProblems() {
		InvalidChainDefinitionException ex = new InvalidChainDefinitionException(
				List.of("lcel.chains.a.steps[0].chain: unknown chain 'jok'; chains: [joke]"));
		FailureAnalysis analysis = new InvalidChainDefinitionFailureAnalyzer().analyze(ex);
		assertThat(analysis.getDescription()).contains("lcel.chains.a.steps[0].chain: unknown chain 'jok'; chains: [joke]");
		assertThat(analysis.getAction()).contains("Correct the properties");
	}

	@Configuration(proxyBeanMethods = false)
	static class Steps {

		int brokenCalls;

		@Bean
		Function<String, String> trim() {
			return String::trim;
		}

		@Bean
		Runnable<String, String> upper() {
			return RunnableLambda.of((String s) -> s.toUpperCase());
		}

		@Bean
		Function<String, String> exclaim() {
			return (s) -> s + "!";
		}

		@Bean
		Function<Map<String, Object>, String> loudTopic() {
			return (in) -> in.get("topic").toString().toUpperCase();
		}

		@Bean
		Function<Object, String> meow() {
			return (in) -> "meow";
		}

		@Bean
		Function<Object, String> woof() {
			return (in) -> "woof";
		}

		@Bean
		Function<Object, String> shrug() {
			return (in) -> "?";
		}

		@Bean
		Predicate<Map<String, Object>> isDog() {
			return (in) -> "dogs".equals(in.get("topic"));
		}

		@Bean
		Function<String, String> broken() {
			return (s) -> {
				this.brokenCalls++;
				throw new IllegalStateException("broken");
			};
		}

		@Bean
		String notAStep() {
			return "just a string";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UsesConfiguredChain {

		@Bean
		Runnable<String, String> shoutTwice(@Qualifier("shout") Runnable<String, String> shout) {
			return shout.pipe((String s) -> s + s);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedChain {

		@Bean
		@ChainName("polite")
		Runnable<String, String> politeChainBean() {
			return RunnableLambda.of((String s) -> "please " + s);
		}

	}

}
