/**
 * The client of OpenAI's Chat Completions API and of the servers that speak it.
 */
@NullMarked
package dev.lcel.core.models.openai;

import org.jspecify.annotations.NullMarked;
