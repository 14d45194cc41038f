/**
 * The HTTP server of chains: LangServe's routes, request reading and validation, SSE streams,
 * errors as problems, and the playground.
 */
@NullMarked
package dev.lcel.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
