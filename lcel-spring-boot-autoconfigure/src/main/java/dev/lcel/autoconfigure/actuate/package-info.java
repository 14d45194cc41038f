/**
 * The Actuator endpoint {@code lcel}: the chains and models of the application, with their schemas
 * and graphs.
 */
@NullMarked
package dev.lcel.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
