/**
 * The client of Ollama's native chat API.
 */
@NullMarked
package dev.lcel.core.models.ollama;

import org.jspecify.annotations.NullMarked;
