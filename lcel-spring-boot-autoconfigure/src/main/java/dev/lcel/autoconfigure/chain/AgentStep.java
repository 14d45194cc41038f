package dev.lcel.autoconfigure.chain;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lcel.autoconfigure.model.ChatModelRegistry;
import dev.lcel.core.runnable.Runnable;
import dev.lcel.core.tools.Tool;
import dev.lcel.core.tools.ToolCallApprover;
import dev.lcel.core.tools.ToolCallingAgent;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Builds the {@code agent} step of a configured chain: checks the model, the tools (chains that
 * exist, beans with {@code @Tool} methods), the limit and the approver at startup, each problem
 * with its property path, and makes the {@link ToolCallingAgent} on first use, when every chain
 * it calls as a tool has been assembled.
 */
final class AgentStep {

	private final Supplier<ChatModelRegistry> registry;

	private final ListableBeanFactory beans;

	private final Map<String, String> usedModels;

	private final List<String> problems;

	private final Function<String, String> descriptions;

	AgentStep(Supplier<ChatModelRegistry> registry, ListableBeanFactory beans, Map<String, String> usedModels,
			List<String> problems, Function<String, String> descriptions) {
		this.registry = registry;
		this.beans = beans;
		this.usedModels = usedModels;
		this.problems = problems;
		this.descriptions = descriptions;
	}

	/**
	 * Build the step at {@code path} ({@code ...steps[N].agent}).
	 * @param chains resolves a chain tool: its property path and name to a reference, or
	 * {@code null} after recording the problem
	 */
	Runnable<Object, Object> build(String path, AgentDefinition agent,
			BiFunction<String, String, Runnable<Object, Object>> chains) {
		int before = this.problems.size();
		String model = (agent.getModel() == null || agent.getModel().isBlank()) ? null : agent.getModel();
		this.usedModels.put(path + ".model", model);
		if (agent.getMaxIterations() < 1) {
			this.problems.add(path + ".max-iterations: must be at least 1, was " + agent.getMaxIterations());
		}
		if (agent.getTools().isEmpty()) {
			this.problems.add(path + ".tools: an agent needs at least one tool, each 'chain: NAME' or 'bean: NAME'");
		}
		List<Supplier<List<Tool>>> tools = new ArrayList<>();
		for (int i = 0; i < agent.getTools().size(); i++) {
			Supplier<List<Tool>> tool = tool(path + ".tools[" + i + "]", agent.getTools().get(i), chains);
			if (tool != null) {
				tools.add(tool);
			}
		}
		Supplier<ToolCallApprover> approver = approver(path + ".approver", agent.getApprover());
		if (this.problems.size() > before) {
			return null;
		}
		return new ChainReference("agent", () -> {
			ToolCallingAgent.Builder builder = ToolCallingAgent.builder(this.registry.get().get(model))
				.maxModelCalls(agent.getMaxIterations())
				.failOnToolError(agent.isFailOnToolError())
				.approver(approver.get());
			tools.forEach((supplier) -> builder.tools(supplier.get()));
			return ChainAssembler.erase(builder.build());
		});
	}

	private Supplier<List<Tool>> tool(String path, AgentToolDefinition tool,
			BiFunction<String, String, Runnable<Object, Object>> chains) {
		if (tool == null || (tool.getChain() == null) == (tool.getBean() == null)) {
			this.problems.add(path + ": a tool needs exactly one of 'chain' (a chain by name) or 'bean' (a bean with "
					+ "@Tool methods)");
			return null;
		}
		if (tool.getChain() != null) {
			Runnable<Object, Object> chain = chains.apply(path + ".chain", tool.getChain());
			if (chain == null) {
				return null;
			}
			String name = (tool.getName() != null) ? tool.getName() : tool.getChain();
			String description = (tool.getDescription() != null) ? tool.getDescription()
					: this.descriptions.apply(tool.getChain());
			return () -> List.of(chain.asTool(name, (description != null) ? description : "The chain '" + name + "'"));
		}
		String bean = tool.getBean();
		if (!this.beans.containsBean(bean)) {
			this.problems.add(path + ".bean: no bean named '" + bean + "'");
			return null;
		}
		Class<?> type = this.beans.getType(bean, false);
		if (type != null && !hasToolMethods(ClassUtils.getUserClass(type))) {
			this.problems.add(path + ".bean: bean '" + bean + "' (a " + ClassUtils.getUserClass(type).getName()
					+ ") has no public method annotated with @" + dev.lcel.core.tools.annotation.Tool.class.getName());
			return null;
		}
		return () -> Tool.fromMethods(this.beans.getBean(bean));
	}

	private static boolean hasToolMethods(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.map(Method::getAnnotations)
			.flatMap(Arrays::stream)
			.anyMatch(dev.lcel.core.tools.annotation.Tool.class::isInstance);
	}

	private Supplier<ToolCallApprover> approver(String path, String name) {
		if (name == null) {
			return () -> this.beans.getBeanProvider(ToolCallApprover.class).getIfUnique(ToolCallApprover::approveAll);
		}
		if (!this.beans.containsBean(name) || !this.beans.isTypeMatch(name, ToolCallApprover.class)) {
			this.problems.add(path + ": no ToolCallApprover bean named '" + name + "'; ToolCallApprover beans: "
					+ Arrays.toString(this.beans.getBeanNamesForType(ToolCallApprover.class)));
			return null;
		}
		return () -> this.beans.getBean(name, ToolCallApprover.class);
	}

}
