/**
 * Tools a chat model may call, and the agent that runs the tool-calling loop.
 */
@NullMarked
package dev.lcel.core.tools;

import org.jspecify.annotations.NullMarked;
