/**
 * Prompt templates (string and chat, with message placeholders and partial variables) and the
 * prompt values they produce.
 */
@NullMarked
package dev.lcel.core.prompts;

import org.jspecify.annotations.NullMarked;
