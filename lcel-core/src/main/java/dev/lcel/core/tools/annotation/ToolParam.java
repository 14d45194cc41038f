package dev.lcel.core.tools.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Tool} method to the model: its description, and whether the
 * model must give it.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolParam {

	/**
	 * What the argument means.
	 * @return the description
	 */
	String description() default "";

	/**
	 * The argument's name in the schema; the parameter's name (compiled with {@code -parameters})
	 * when empty.
	 * @return the name
	 */
	String name() default "";

	/**
	 * Whether the model must give the argument; a missing optional argument is passed as {@code null}.
	 * @return {@code true} by default
	 */
	boolean required() default true;

}
