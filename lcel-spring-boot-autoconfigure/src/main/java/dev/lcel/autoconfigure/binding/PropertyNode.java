package dev.lcel.autoconfigure.binding;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The shape of a group of properties, worked out from its record class: which keys an object
 * has (in their dashed form, as Boot binds them), what a map or list holds, and where a value
 * ends the path. The strict check and the generated JSON Schema both read it, so the two follow
 * the property classes and cannot drift apart.
 */
public final class PropertyNode {

	/** What a node holds. */
	public enum Kind {

		/** A single value: a text, a number, a duration, a flag. */
		VALUE,

		/** Anything, to any depth: provider options, bound arguments. */
		ANY,

		/** An object with a fixed set of keys. */
		OBJECT,

		/** A map: any key, each to the same kind of node. */
		MAP,

		/** A list: numeric indexes, each to the same kind of node. */
		LIST

	}

	private final Kind kind;

	private final Type type;

	private final Map<String, PropertyNode> children = new LinkedHashMap<>();

	private final Map<String, String> fieldNames = new LinkedHashMap<>();

	private final Map<String, String> replacements = new LinkedHashMap<>();

	private PropertyNode element;

	private boolean valueAllowed;

	private PropertyNode(Kind kind, Type type) {
		this.kind = kind;
		this.type = type;
	}

	/**
	 * Return the node of a Java type: a record class, a {@code Map<String, X>}, a
	 * {@code List<X>}, or a value type.
	 * @param type the type
	 * @return its node
	 */
	public static PropertyNode of(Type type) {
		return of(type, new HashMap<>());
	}

	private static PropertyNode of(Type type, Map<Class<?>, PropertyNode> beans) {
		Class<?> raw = raw(type);
		if (Map.class.isAssignableFrom(raw)) {
			PropertyNode map = new PropertyNode(Kind.MAP, type);
			map.element = of(typeArgument(type, 1), beans);
			return map;
		}
		if (Collection.class.isAssignableFrom(raw)) {
			PropertyNode list = new PropertyNode(Kind.LIST, type);
			list.element = of(typeArgument(type, 0), beans);
			return list;
		}
		if (raw == Object.class) {
			return new PropertyNode(Kind.ANY, type);
		}
		if (isValue(raw)) {
			return new PropertyNode(Kind.VALUE, type);
		}
		PropertyNode known = beans.get(raw);
		if (known != null) {
			return known;
		}
		PropertyNode bean = new PropertyNode(Kind.OBJECT, type);
		beans.put(raw, bean);
		bean.valueAllowed = hasValueOf(raw);
		for (Property property : properties(raw)) {
			bean.children.put(property.key(), of(property.type(), beans));
			bean.fieldNames.put(property.key(), property.fieldName());
			if (property.deprecated() != null) {
				bean.replacements.put(property.key(), property.deprecated().replacement().replaceFirst("^.*\\*\\.", ""));
			}
		}
		return bean;
	}

	/**
	 * Return what this node holds.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the Java type this node was made from.
	 * @return the type
	 */
	public Type type() {
		return this.type;
	}

	/**
	 * Return the keys of an object, in their dashed form and in the order the class declares them.
	 * @return the keys to their nodes; empty for nodes other than objects
	 */
	public Map<String, PropertyNode> children() {
		return Collections.unmodifiableMap(this.children);
	}

	/**
	 * Return the keys of an object that are not deprecated: those to suggest and to list.
	 * @return the current keys, in the order the class declares them
	 */
	public Set<String> currentKeys() {
		Set<String> keys = new LinkedHashSet<>(this.children.keySet());
		keys.removeAll(this.replacements.keySet());
		return keys;
	}

	/**
	 * Return what replaces a deprecated key of an object, which is still bound.
	 * @param key a key of {@link #children()}, in its dashed or Boot's uniform form
	 * @return the replacement, relative to this object (such as {@code openai.organization}), or
	 * {@code null} when the key is not deprecated
	 */
	public @Nullable String replacement(String key) {
		for (Map.Entry<String, String> replacement : this.replacements.entrySet()) {
			if (uniform(replacement.getKey()).equals(uniform(key))) {
				return replacement.getValue();
			}
		}
		return null;
	}

	/**
	 * Return the name of the record component behind a key of an object, whose {@code @param} tag
	 * describes it.
	 * @param key a key of {@link #children()}
	 * @return the component's name, or {@code null} when the object has no such key
	 */
	public String fieldName(String key) {
		return this.fieldNames.get(key);
	}

	/**
	 * Return what each entry of a map or list is.
	 * @return the element's node, or {@code null} for objects and values
	 */
	public PropertyNode element() {
		return this.element;
	}

	/**
	 * Return whether an object may also be given as a single value, as {@code model: gpt} gives a
	 * model step by its name (the class has a static {@code valueOf(String)}).
	 * @return whether a value is allowed in place of the object
	 */
	public boolean valueAllowed() {
		return this.valueAllowed;
	}

	/**
	 * Return a key of an object, matched as Boot's relaxed binding matches it: ignoring case and
	 * dashes.
	 * @param uniformKey the key in Boot's uniform form (lower case, no dashes)
	 * @return the key's node, or {@code null} when the object has no such key
	 */
	PropertyNode child(String uniformKey) {
		for (Map.Entry<String, PropertyNode> child : this.children.entrySet()) {
			if (uniform(child.getKey()).equals(uniformKey)) {
				return child.getValue();
			}
		}
		return null;
	}

	static String uniform(String key) {
		return key.replace("-", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * The properties of a record, as Boot binds it through its canonical constructor: a key per
	 * component in declaration order, named by the parameter's {@link Name @Name} when it has one.
	 * Every group of lcel's properties is a record; any other class is refused.
	 */
	private static List<Property> properties(Class<?> type) {
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type.getName() + " is not a record; lcel's property groups are records");
		}
		RecordComponent[] components = type.getRecordComponents();
		Parameter[] parameters = canonicalConstructor(type, components).getParameters();
		List<Property> properties = new ArrayList<>();
		for (int i = 0; i < components.length; i++) {
			Name name = parameters[i].getAnnotation(Name.class);
			String key = (name != null) ? name.value() : dashed(components[i].getName());
			properties.add(new Property(key, components[i].getName(), components[i].getGenericType(),
					components[i].getAccessor().getAnnotation(DeprecatedConfigurationProperty.class)));
		}
		return properties;
	}

	private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
		}
		try {
			return type.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("A record has its canonical constructor: " + type.getName(), ex);
		}
	}

	private static boolean isValue(Class<?> type) {
		return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == String.class
				|| type == Boolean.class || type == Character.class || type == Duration.class || type == DataSize.class
				|| type.getName().startsWith("java.");
	}

	private static boolean hasValueOf(Class<?> type) {
		try {
			Method valueOf = type.getMethod("valueOf", String.class);
			return Modifier.isStatic(valueOf.getModifiers()) && valueOf.getReturnType() == type;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> cls) {
			return cls;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return Object.class;
	}

	private static Type typeArgument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			return (index < arguments.length) ? arguments[index] : Object.class;
		}
		return Object.class;
	}

	static String dashed(String name) {
		StringBuilder dashed = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

	/** A key of an object: its dashed name, the component behind it, its type, its deprecation. */
	private record Property(String key, String fieldName, Type type, @Nullable DeprecatedConfigurationProperty deprecated) {
	}

	@Override
	public String toString() {
		return this.kind + ((this.kind == Kind.OBJECT) ? List.copyOf(this.children.keySet()).toString() : "");
	}

}
