package dev.lcel.demo;

import dev.lcel.core.tools.annotation.Tool;
import dev.lcel.core.tools.annotation.ToolParam;

/**
 * The demo's calculator: a bean whose {@link Tool} methods the {@code agent} chain's model may call.
 */
public class Calculator {

	/**
	 * Multiply two numbers.
	 * @param a the first factor
	 * @param b the second factor
	 * @return the product
	 */
	@Tool(description = "Multiplies two numbers")
	public double multiply(@ToolParam(description = "the first factor") double a,
			@ToolParam(description = "the second factor") double b) {
		return a * b;
	}

	/**
	 * Add two numbers.
	 * @param a the first term
	 * @param b the second term
	 * @return the sum
	 */
	@Tool(description = "Adds two numbers")
	public double add(@ToolParam(description = "the first term") double a,
			@ToolParam(description = "the second term") double b) {
		return a + b;
	}

}
