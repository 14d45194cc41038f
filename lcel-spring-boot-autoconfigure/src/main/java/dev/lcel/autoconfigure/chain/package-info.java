/**
 * Chains as beans and chains declared in YAML under {@code lcel.chains}: their definitions,
 * assembly, validation and registry.
 */
@NullMarked
package dev.lcel.autoconfigure.chain;

import org.jspecify.annotations.NullMarked;
