package dev.lcel.autoconfigure.chain;

import java.util.List;
import java.util.Map;

import dev.lcel.autoconfigure.model.ModelAutoConfiguration;
import dev.lcel.core.messages.ToolMessage;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.runnable.RunnableLambda;
import dev.lcel.core.tools.AgentTurn;
import dev.lcel.core.tools.ToolCallApprover;
import dev.lcel.core.tools.ToolCallDecision;
import dev.lcel.core.tools.annotation.Tool;
import dev.lcel.core.tools.annotation.ToolParam;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStepTests {

	private static final String CALLS = "tool_calls: [{\"id\": \"c1\", \"name\": \"multiply\", \"args\": {\"a\": 6, \"b\": 7}},"
			+ " {\"id\": \"c2\", \"name\": \"shout\", \"args\": {\"__arg1\": \"hello\"}}]";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class, ModelAutoConfiguration.class))
		.withUserConfiguration(Tools.class)
		.withPropertyValues("lcel.models.scripted.provider=fake", "lcel.models.scripted.responses[0]=" + CALLS,
				"lcel.models.scripted.responses[1]=42, and HELLO!", "lcel.chains.shout.description=Shouts a text",
				"lcel.chains.shout.steps[0].bean=upper");

	private static AgentTurn run(AssertableApplicationContext context, String chain, Object input) {
		@SuppressWarnings("unchecked")
		Runnable<Object, Object> runnable = (Runnable<Object, Object>) context.getBean(ChainRegistry.class).get(chain);
		return (AgentTurn) runnable.invoke(input);
	}

	@Test
	void agentStepCallsBeanMethodsAndChainsAsTools() {
		this.contextRunner
			.withPropertyValues("lcel.chains.agent.steps[0].agent.model=scripted",
					"lcel.chains.agent.steps[0].agent.tools[0].bean=calculator",
					"lcel.chains.agent.steps[0].agent.tools[1].chain=shout",
					"lcel.chains.agent.steps[0].agent.max-iterations=3")
			.run((context) -> {
				AgentTurn turn = run(context, "agent", "6 times 7, and shout hello");
				assertThat(turn.messages()).hasSize(4);
				assertThat(turn.messages().get(1)).isEqualTo(new ToolMessage("42", "c1", null, "multiply"));
				assertThat(turn.messages().get(2)).isEqualTo(new ToolMessage("HELLO", "c2", null, "shout"));
				assertThat(turn.finalAnswer().content()).isEqualTo("42, and HELLO!");
			});
	}

	@Test
	void theApplicationsApproverBeanDecides() {
		this.contextRunner.withUserConfiguration(Approval.class)
			.withPropertyValues("lcel.chains.agent.steps[0].agent.model=scripted",
					"lcel.chains.agent.steps[0].agent.tools[0].bean=calculator",
					"lcel.chains.agent.steps[0].agent.tools[1].chain=shout")
			.run((context) -> assertThat(run(context, "agent", "go").messages().get(2).content())
				.isEqualTo("Tool call refused: no shouting"));
	}

	@Test
	void problemsOfAnAgentStepFailStartupWithTheirPaths() {
		this.contextRunner
			.withPropertyValues("lcel.chains.agent.steps[0].agent.model=nope",
					"lcel.chains.agent.steps[0].agent.tools[0].bean=upper",
					"lcel.chains.agent.steps[0].agent.tools[1].chain=shot",
					"lcel.chains.agent.steps[0].agent.tools[2].bean=missing",
					"lcel.chains.agent.steps[0].agent.tools[3].name=neither",
					"lcel.chains.agent.steps[0].agent.max-iterations=0",
					"lcel.chains.agent.steps[0].agent.approver=nobody", "lcel.chains.empty.steps[0].agent.model=scripted")
			.run((context) -> {
				assertThat(context).hasFailed();
				List<String> problems = StartupProblems.of(context.getStartupFailure());
				String at = "lcel.chains.agent.steps[0].agent.";
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith(at + "tools[0].bean: bean 'upper' (a ")
					.endsWith("has no public method annotated with @dev.lcel.core.tools.annotation.Tool"));
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith(at + "tools[1].chain: unknown chain 'shot'; chains: [")
					.contains("shout"));
				assertThat(problems).contains(at + "tools[2].bean: no bean named 'missing'");
				assertThat(problems).contains(at + "tools[3]: a tool needs exactly one of 'chain' (a chain by name) or "
						+ "'bean' (a bean with @Tool methods)");
				assertThat(problems).contains(at + "max-iterations: must be at least 1, was 0");
				assertThat(problems).anySatisfy((p) -> assertThat(p).startsWith(at + "approver: no ToolCallApprover bean named 'nobody'"));
				assertThat(problems).contains("lcel.chains.empty.steps[0].agent.tools: an agent needs at least one tool, "
						+ "each 'chain: NAME' or 'bean: NAME'");
			});
	}

	@Test
	void anUnknownModelOfAnAgentFailsStartupWithItsPath() {
		this.contextRunner
			.withPropertyValues("lcel.chains.agent.steps[0].agent.model=nope",
					"lcel.chains.agent.steps[0].agent.tools[0].bean=calculator")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(StartupProblems.of(context.getStartupFailure())).anySatisfy((problem) -> assertThat(problem)
					.contains("lcel.chains.agent.steps[0].agent.model: unknown model 'nope'; configured models: [scripted]"));
			});
	}

	/** A bean with a tool method. */
	public static class Calculator {

		@Tool(description = "Multiplies two integers")
		public long multiply(@ToolParam(description = "a factor") long a, @ToolParam(description = "a factor") long b) {
			return a * b;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		Calculator calculator() {
			return new Calculator();
		}

		@Bean
		Runnable<String, String> upper() {
			return RunnableLambda.typed("upper", String.class, String.class, String::toUpperCase);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Approval {

		@Bean
		ToolCallApprover approver() {
			return ToolCallApprover.of((call) -> call.name().equals("shout") ? ToolCallDecision.refuse("no shouting")
					: ToolCallDecision.approve());
		}

	}

}
