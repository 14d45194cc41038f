package dev.lcel.autoconfigure.chain;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallApprover;
import dev.lcel.core.tools.ToolCallingAgent;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The {@code agent} step: checks the model, the tools (chains that exist, beans with {@code @Tool}
 * methods), the limit and the approver at startup, each problem with its property path, and makes
 * the {@link ToolCallingAgent} on first use, when every chain it calls as a tool has been assembled.
 */
final class AgentStep extends StepKind {

	/** Qualified once: it shares its simple name with the {@link Tool} it makes. */
	private static final Class<? extends Annotation> TOOL_ANNOTATION = dev.lcel.core.tools.annotation.Tool.class;

	AgentStep() {
		super("agent", (step) -> step.agent() != null);
	}

	@Override
	Runnable<Object, Object> build(String stepPath, StepDefinition step, Steps steps) {
		String path = stepPath + ".agent";
		AgentDefinition agent = step.agent();
		Problems problems = steps.problems();
		int before = problems.count();
		String model = ModelStep.blankToNull(agent.model());
		steps.models().add(path + ".model", model);
		if (agent.maxIterations() < 1) {
			problems.add(path + ".max-iterations", "must be at least 1, was " + agent.maxIterations());
		}
		if (agent.tools().isEmpty()) {
			problems.add(path + ".tools", "an agent needs at least one tool, each 'chain: NAME' or 'bean: NAME'");
		}
		List<Supplier<List<Tool>>> tools = new ArrayList<>();
		for (int i = 0; i < agent.tools().size(); i++) {
			tools.add(tool(path + ".tools[" + i + "]", agent.tools().get(i), steps));
		}
		Supplier<ToolCallApprover> approver = approver(path + ".approver", agent.approver(), steps);
		if (problems.count() > before) {
			return problems.standIn(path);
		}
		return new ChainReference("agent", () -> {
			ToolCallingAgent.Builder builder = ToolCallingAgent.builder(steps.models().get(model))
				.maxModelCalls(agent.maxIterations())
				.failOnToolError(agent.failOnToolError())
				.approver(approver.get());
			tools.forEach((supplier) -> builder.tools(supplier.get()));
			return Steps.erase(builder.build());
		});
	}

	private static Supplier<List<Tool>> tool(String path, AgentToolDefinition tool, Steps steps) {
		Problems problems = steps.problems();
		if (tool == null || (tool.chain() == null) == (tool.bean() == null)) {
			problems.add(path, "a tool needs exactly one of 'chain' (a chain by name) or 'bean' (a bean with "
					+ "@Tool methods)");
			return List::of;
		}
		if (tool.chain() != null) {
			Runnable<Object, Object> chain = steps.reference(path + ".chain", tool.chain());
			String name = (tool.name() != null) ? tool.name() : tool.chain();
			String description = (tool.description() != null) ? tool.description()
					: steps.references().description(tool.chain());
			return () -> List.of(chain.asTool(name, (description != null) ? description : "The chain '" + name + "'"));
		}
		String bean = tool.bean();
		ListableBeanFactory beans = steps.beans();
		if (!beans.containsBean(bean)) {
			problems.add(path + ".bean", "no bean named '" + bean + "'");
			return List::of;
		}
		Class<?> type = beans.getType(bean, false);
		if (type != null && !hasToolMethods(ClassUtils.getUserClass(type))) {
			problems.add(path + ".bean", "bean '" + bean + "' (a " + ClassUtils.getUserClass(type).getName()
					+ ") has no public method annotated with @" + TOOL_ANNOTATION.getName());
			return List::of;
		}
		return () -> Tool.fromMethods(beans.getBean(bean));
	}

	private static boolean hasToolMethods(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.map(Method::getAnnotations)
			.flatMap(Arrays::stream)
			.anyMatch(TOOL_ANNOTATION::isInstance);
	}

	private static Supplier<ToolCallApprover> approver(String path, String name, Steps steps) {
		ListableBeanFactory beans = steps.beans();
		if (name == null) {
			return () -> beans.getBeanProvider(ToolCallApprover.class).getIfUnique(ToolCallApprover::approveAll);
		}
		if (!beans.containsBean(name) || !beans.isTypeMatch(name, ToolCallApprover.class)) {
			steps.problems().add(path, "no ToolCallApprover bean named '" + name + "'; ToolCallApprover beans: "
					+ Arrays.toString(beans.getBeanNamesForType(ToolCallApprover.class)));
			return ToolCallApprover::approveAll;
		}
		return () -> beans.getBean(name, ToolCallApprover.class);
	}

}
