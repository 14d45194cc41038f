/**
 * The skeleton of a chat model that streams from a provider's HTTP API: the model and its builder,
 * the description of a provider's API, and the base of its stream decoders.
 */
@NullMarked
package dev.lcel.core.models.http;

import org.jspecify.annotations.NullMarked;
