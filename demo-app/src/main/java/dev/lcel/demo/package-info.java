/**
 * The demo application: the seed's chains declared in {@code application.yml}, served over HTTP,
 * with a few beans they use.
 */
@NullMarked
package dev.lcel.demo;

import org.jspecify.annotations.NullMarked;
