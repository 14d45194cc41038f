/**
 * The messages of a conversation (system, human, AI with tool calls and usage, tool) and the AI
 * message chunks that stream and add up.
 */
@NullMarked
package dev.lcel.core.messages;

import org.jspecify.annotations.NullMarked;
