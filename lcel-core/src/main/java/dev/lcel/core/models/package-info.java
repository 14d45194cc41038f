/**
 * Chat models as steps of a chain: the {@code ChatModel} abstraction, its options, tools and
 * structured output, the typed errors providers fail with, and fake models for tests.
 */
@NullMarked
package dev.lcel.core.models;

import org.jspecify.annotations.NullMarked;
