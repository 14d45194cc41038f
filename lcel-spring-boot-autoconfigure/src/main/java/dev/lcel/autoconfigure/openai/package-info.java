/**
 * OpenAI's chat completions protocol served for chat chains, so that OpenAI's SDKs and chat UIs can
 * call a chain as a model.
 */
@NullMarked
package dev.lcel.autoconfigure.openai;

import org.jspecify.annotations.NullMarked;
