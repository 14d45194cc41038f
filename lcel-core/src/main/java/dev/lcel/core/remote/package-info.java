/**
 * The client of a chain served over LangServe's HTTP protocol, itself a runnable.
 */
@NullMarked
package dev.lcel.core.remote;

import org.jspecify.annotations.NullMarked;
