package dev.lcel.core.parsers;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lcel.core.schema.JsonSchemas;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

/**
 * How {@link PartialBinder} builds an object of a record or bean type from its properties: the
 * properties' names (the component or field names, as {@link JsonSchemas}
 * names them), their resolved types, and how to construct the object. Built once per type.
 */
final class ObjectShape {

	private static final Map<JavaType, ObjectShape> SHAPES = new ConcurrentHashMap<>();

	private final Map<String, Integer> index = new HashMap<>();

	private final JavaType[] types;

	private final Constructor<?> constructor;

	/** For a bean, how each property is set: a setter method or the field itself; null for a record. */
	private final Object[] writers;

	private ObjectShape(JavaType[] types, List<String> names, Constructor<?> constructor, Object[] writers) {
		this.types = types;
		for (int i = 0; i < names.size(); i++) {
			this.index.put(names.get(i), i);
		}
		this.constructor = constructor;
		this.writers = writers;
	}

	/**
	 * Return the shape of a record, or of a class with a no-argument constructor, or {@code null}
	 * for any other type (which Jackson binds as a whole).
	 */
	static ObjectShape of(JavaType type, TypeFactory types) {
		Class<?> raw = type.getRawClass();
		if (raw.isInterface() || raw.isPrimitive() || raw.isArray() || raw.isEnum() || Modifier.isAbstract(raw.getModifiers())
				|| raw.getName().startsWith("java.")) {
			return null;
		}
		ObjectShape shape = SHAPES.get(type);
		if (shape == null) {
			shape = raw.isRecord() ? record(type, types) : bean(type, types);
			if (shape != null) {
				SHAPES.putIfAbsent(type, shape);
			}
		}
		return shape;
	}

	private static ObjectShape record(JavaType type, TypeFactory factory) {
		RecordComponent[] components = type.getRawClass().getRecordComponents();
		JavaType[] types = new JavaType[components.length];
		Class<?>[] raw = new Class<?>[components.length];
		List<String> names = new ArrayList<>();
		for (int i = 0; i < components.length; i++) {
			types[i] = factory.resolveMemberType(components[i].getGenericType(), type.getBindings());
			raw[i] = components[i].getType();
			names.add(components[i].getName());
		}
		try {
			Constructor<?> constructor = type.getRawClass().getDeclaredConstructor(raw);
			constructor.setAccessible(true);
			return new ObjectShape(types, names, constructor, null);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static ObjectShape bean(JavaType type, TypeFactory factory) {
		Constructor<?> constructor;
		try {
			constructor = type.getRawClass().getDeclaredConstructor();
			constructor.setAccessible(true);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
		List<JavaType> types = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<Object> writers = new ArrayList<>();
		for (Class<?> c = type.getRawClass(); c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
						|| field.isSynthetic() || names.contains(field.getName())) {
					continue;
				}
				names.add(field.getName());
				types.add(factory.resolveMemberType(field.getGenericType(), type.getBindings()));
				writers.add(writer(c, field));
			}
		}
		return new ObjectShape(types.toArray(JavaType[]::new), names, constructor, writers.toArray());
	}

	private static Object writer(Class<?> owner, Field field) {
		String name = field.getName();
		String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
		try {
			Method method = owner.getDeclaredMethod(setter, field.getType());
			method.setAccessible(true);
			return method;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			field.setAccessible(true);
			return field;
		}
	}

	/** Return the position of a property, or -1 for a name the type does not have. */
	int indexOf(String name) {
		Integer at = this.index.get(name);
		return (at != null) ? at : -1;
	}

	int size() {
		return this.types.length;
	}

	JavaType type(int index) {
		return this.types[index];
	}

	/** Build the object from its property values by position; a missing primitive is its zero. */
	Object build(Object[] values) {
		try {
			if (this.writers == null) {
				for (int i = 0; i < values.length; i++) {
					if (values[i] == null && this.types[i].isPrimitive()) {
						values[i] = zero(this.types[i].getRawClass());
					}
				}
				return this.constructor.newInstance(values);
			}
			Object bean = this.constructor.newInstance();
			for (int i = 0; i < values.length; i++) {
				if (values[i] != null) {
					if (this.writers[i] instanceof Method setter) {
						setter.invoke(bean, values[i]);
					}
					else {
						((Field) this.writers[i]).set(bean, values[i]);
					}
				}
			}
			return bean;
		}
		catch (ReflectiveOperationException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalArgumentException("cannot build " + this.constructor.getDeclaringClass().getSimpleName() + ": "
					+ cause.getMessage(), cause);
		}
	}

	private static Object zero(Class<?> primitive) {
		if (primitive == boolean.class) {
			return false;
		}
		if (primitive == char.class) {
			return '\0';
		}
		if (primitive == long.class) {
			return 0L;
		}
		if (primitive == double.class) {
			return 0.0;
		}
		if (primitive == float.class) {
			return 0.0f;
		}
		if (primitive == short.class) {
			return (short) 0;
		}
		if (primitive == byte.class) {
			return (byte) 0;
		}
		return 0;
	}

}
