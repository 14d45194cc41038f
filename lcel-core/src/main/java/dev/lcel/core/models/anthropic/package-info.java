/**
 * The client of Anthropic's Messages API.
 */
@NullMarked
package dev.lcel.core.models.anthropic;

import org.jspecify.annotations.NullMarked;
