package dev.lcel.core.tools;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.lcel.core.tools.annotation.ToolParam;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the {@link dev.lcel.core.tools.annotation.Tool @Tool} methods of a bean into tools: the
 * schema of each from its parameters' types (victools, through {@link ToolArguments}) and
 * {@link ToolParam} descriptions, its call a reflective invocation with each argument read into
 * its parameter's type.
 */
final class ToolMethods {

	private ToolMethods() {
	}

	static List<Tool> of(Object bean) {
		Objects.requireNonNull(bean, "bean must not be null");
		Class<?> type = userClass(bean.getClass());
		List<Method> methods = new ArrayList<>();
		for (Method method : type.getMethods()) {
			if (method.isAnnotationPresent(dev.lcel.core.tools.annotation.Tool.class)) {
				methods.add(method);
			}
		}
		if (methods.isEmpty()) {
			throw new IllegalArgumentException(type.getName() + " has no public method annotated with @Tool");
		}
		methods.sort(Comparator.comparing(Method::getName));
		List<Tool> tools = new ArrayList<>(methods.size());
		Set<String> names = new HashSet<>();
		for (Method method : methods) {
			Tool tool = tool(bean, method);
			if (!names.add(tool.name())) {
				throw new IllegalArgumentException(type.getName() + " has two @Tool methods named '" + tool.name() + "'");
			}
			tools.add(tool);
		}
		return tools;
	}

	/** The class the application wrote, not a CGLIB subclass of it (whose methods lose their annotations). */
	private static Class<?> userClass(Class<?> type) {
		return (type.getName().contains("$$") && type.getSuperclass() != Object.class) ? type.getSuperclass() : type;
	}

	private static Tool tool(Object bean, Method method) {
		if (Modifier.isStatic(method.getModifiers())) {
			throw new IllegalArgumentException("@Tool method " + method + " must not be static");
		}
		dev.lcel.core.tools.annotation.Tool annotation = method.getAnnotation(dev.lcel.core.tools.annotation.Tool.class);
		String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		Parameter[] parameters = method.getParameters();
		String[] argumentNames = new String[parameters.length];
		JavaType[] argumentTypes = new JavaType[parameters.length];
		ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		ArrayNode required = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			ToolParam param = parameter.getAnnotation(ToolParam.class);
			argumentNames[i] = argumentName(method, parameter, param);
			argumentTypes[i] = JsonMapper.shared().constructType(parameter.getParameterizedType());
			ObjectNode property = ToolArguments.schemaOf(parameter.getParameterizedType());
			if (param != null && !param.description().isEmpty()) {
				property.put("description", param.description());
			}
			properties.set(argumentNames[i], property);
			if (param == null || param.required()) {
				required.add(argumentNames[i]);
			}
		}
		schema.set("required", required);
		method.trySetAccessible();
		return Tool.of(name, annotation.description(), schema,
				new ToolFunction(name, (args) -> call(bean, method, name, args, argumentNames, argumentTypes)));
	}

	private static String argumentName(Method method, Parameter parameter, ToolParam param) {
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		if (!parameter.isNamePresent()) {
			throw new IllegalArgumentException("The parameters of @Tool method " + method.getName()
					+ " have no names: compile with -parameters, or name each with @ToolParam(name = ...)");
		}
		return parameter.getName();
	}

	private static Object call(Object bean, Method method, String tool, Map<String, Object> args, String[] names,
			JavaType[] types) {
		Object[] values = new Object[names.length];
		for (int i = 0; i < names.length; i++) {
			Object value = args.get(names[i]);
			values[i] = (value != null || !types[i].isPrimitive())
					? ToolArguments.convert(tool, "argument '" + names[i] + "'", value, types[i]) : null;
			if (values[i] == null && types[i].isPrimitive()) {
				throw new IllegalArgumentException("Tool '" + tool + "' needs argument '" + names[i] + "', one of "
						+ Arrays.toString(names));
			}
		}
		try {
			return method.invoke(bean, values);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new ToolException("Tool '" + tool + "' failed: " + cause, cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("@Tool method " + method + " cannot be called: " + ex.getMessage(), ex);
		}
	}

}
