package dev.lcel.core.tools.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a bean as a tool a chat model may call: {@link dev.lcel.core.tools.Tool#fromMethods}
 * turns each such method into a {@link dev.lcel.core.tools.Tool} whose arguments are the method's
 * parameters (their JSON Schema generated from the parameter types) and whose result is the
 * method's return value.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Tool {

	/**
	 * The tool's name, as the model will call it.
	 * @return the name; the method's name when empty
	 */
	String name() default "";

	/**
	 * What the tool does, for the model to decide when to call it.
	 * @return the description
	 */
	String description();

}
