/**
 * Annotations that turn the methods of a bean into tools a chat model may call.
 */
package dev.lcel.core.tools.annotation;
