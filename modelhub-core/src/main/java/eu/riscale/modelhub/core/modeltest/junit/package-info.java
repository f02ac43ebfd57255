/**
 * JUnit 5/6 integration of the model tests: {@link eu.riscale.modelhub.core.modeltest.junit.ModelTestFactory} turns a
 * model's checks into dynamic tests, each running its own check. The only package of modelhub-core that needs
 * {@code junit-jupiter-api} (an optional dependency the consumer's test scope provides).
 *
 * @see eu.riscale.modelhub.core.modeltest.ModelTests
 */
@NullMarked
package eu.riscale.modelhub.core.modeltest.junit;

import org.jspecify.annotations.NullMarked;
