package dev.lcel.autoconfigure.chain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the chain a {@link dev.lcel.core.runnable.Runnable} bean is registered as in the
 * {@link ChainRegistry}, in place of its bean name; put it on the {@code @Bean} method or the class.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChainName {

	/**
	 * The chain's name, as used in URLs and references.
	 * @return the name
	 */
	String value();

}
