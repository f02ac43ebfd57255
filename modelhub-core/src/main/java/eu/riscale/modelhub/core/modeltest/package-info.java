/**
 * Testing a model package as {@code bioimageio test} does, with better diagnostics: {@link
 * eu.riscale.modelhub.core.modeltest.ModelTests#test} checks the format, the files (I/O), reproduces the test outputs from
 * the test inputs for every runnable weights format and runs inference at other sizes, and returns a {@link
 * eu.riscale.modelhub.core.modeltest.TestSummary} that renders as JSON (a stable contract for CI scripts), Markdown or
 * console text. {@link eu.riscale.modelhub.core.modeltest.junit.ModelTestFactory} runs the checks as JUnit dynamic tests, and {@link
 * eu.riscale.modelhub.core.modeltest.ModelTestRun} steps through them one at a time.
 *
 * <p>The tolerance rules ({@link eu.riscale.modelhub.core.modeltest.Tolerance}) and the comparison of outputs ({@link
 * eu.riscale.modelhub.core.modeltest.Deviation}) are pure functions. See {@code docs/testing-models.md}.
 *
 * @see eu.riscale.modelhub.core.modeltest.ModelTests
 */
@NullMarked
package eu.riscale.modelhub.core.modeltest;

import org.jspecify.annotations.NullMarked;
