/**
 * Annotations that turn the methods of a bean into tools a chat model may call.
 */
@NullMarked
package dev.lcel.core.tools.annotation;

import org.jspecify.annotations.NullMarked;
