package eu.riscale.modelhub.core.iocheck;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test tensor rules (reference {@code validate_tensors} and {@code _validate_test_tensors}), one by one. */
class TestTensorRulesTest {
    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private List<Diagnostic> check(String yaml, float[] in, int[] inShape, float[] out, int[] outShape)
            throws Exception {
        TinyPackage.write(dir, yaml);
        TinyPackage.npy(dir.resolve("in.npy"), in, inShape);
        TinyPackage.npy(dir.resolve("out.npy"), out, outShape);
        return TinyPackage.check(dir, cache);
    }

    private List<Diagnostic> check(float[] in, int[] inShape, float[] out, int[] outShape) throws Exception {
        return check(TinyPackage.YAML, in, inShape, out, outShape);
    }

    @Test
    void consistentTensorsPass() throws Exception {
        assertThat(check(TinyPackage.ramp(12), new int[] {1, 1, 12}, TinyPackage.ramp(14), new int[] {1, 1, 14}))
                .isEmpty();
    }

    @Test
    void dimensionCountMustMatchTheAxes() throws Exception {
        assertThat(check(TinyPackage.ramp(8), new int[] {1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "test_tensor"),
                        "found 2 dimensions (shape [1, 8]), expected 3 for axes [batch, channel, y]"));
    }

    @Test
    void parameterizedSizeMustBeMinPlusMultipleOfStep() throws Exception {
        List<Diagnostic> issues =
                check(TinyPackage.ramp(10), new int[] {1, 1, 10}, TinyPackage.ramp(12), new int[] {1, 1, 12});
        assertThat(issues)
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "test_tensor"),
                        "axis 'y' has size 10, expected min + n*step = 8 + n*4 for some n >= 0"));
    }

    @Test
    void sizeBelowMinimumIsAnError() throws Exception {
        assertThat(check(TinyPackage.ramp(4), new int[] {1, 1, 4}, TinyPackage.ramp(6), new int[] {1, 1, 6}))
                .extracting(Diagnostic::message)
                .containsExactly("axis 'y' has size 4, expected min + n*step = 8 + n*4 for some n >= 0");
    }

    @Test
    void referencedSizeMustBeRefSizeTimesScaleRatioPlusOffset() throws Exception {
        assertThat(check(TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(9), new int[] {1, 1, 9}))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("outputs", 0, "test_tensor"),
                        "axis 'y' has size 9, invalid for the referenced size 8 of x.y: expected 10"));
    }

    @Test
    void referencedSizeUsesTheAxisScales() throws Exception {
        String yaml = TinyPackage.YAML
                .replace("        size: {min: 8, step: 4}", "        size: {min: 8, step: 4}\n        scale: 2.0")
                .replace("offset: 2}", "offset: 2}\n        scale: 4.0");
        // 8 * 2.0 / 4.0 + 2 = 6
        assertThat(check(yaml, TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(6), new int[] {1, 1, 6}))
                .isEmpty();
        assertThat(check(yaml, TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .extracting(Diagnostic::message)
                .containsExactly("axis 'y' has size 10, invalid for the referenced size 8 of x.y: expected 6");
    }

    @Test
    void fixedSizesMustMatch() throws Exception {
        assertThat(check(TinyPackage.ramp(16), new int[] {1, 2, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "test_tensor"),
                        "axis 'channel' has size 2, expected 1"));
    }

    @Test
    void dataDependentSizeMustBeWithinBounds() throws Exception {
        String yaml = TinyPackage.YAML.replace("%OUTPUT_AXES_EXTRA%", "- type: index\n        size: {min: 2, max: 5}");
        float[] out = TinyPackage.ramp(70);
        assertThat(check(yaml, TinyPackage.ramp(8), new int[] {1, 1, 8}, out, new int[] {1, 1, 10, 7}))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("outputs", 0, "test_tensor"),
                        "axis 'index' has size 7, expected between 2 and 5"));
        assertThat(check(yaml, TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(50), new int[] {1, 1, 10, 5}))
                .isEmpty();
    }

    @Test
    void valuesAllBelowOneTenThousandthAreTooSmallForTesting() throws Exception {
        float[] tiny = new float[8];
        java.util.Arrays.fill(tiny, 9e-5f);
        tiny[3] = -9e-5f;
        assertThat(check(tiny, new int[] {1, 1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.severity()).isEqualTo(Severity.ERROR);
                    assertThat(i.loc()).isEqualTo("inputs.0.test_tensor");
                    assertThat(i.message())
                            .startsWith("values too small for reliable testing")
                            .endsWith("expected at least one value with |v| >= 1.0E-4");
                });
        float[] enough = tiny.clone();
        enough[5] = -1.0001e-4f; // float32(-1e-4) is -9.99999974e-5, too small as in numpy
        assertThat(check(enough, new int[] {1, 1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .isEmpty();
    }

    @Test
    void integerDescriptionNeedsExactlyThatDtype() throws Exception {
        String yaml = TinyPackage.YAML.replace("%INPUT_DATA%", "data: {type: uint8}");
        TinyPackage.write(dir, yaml);
        TinyPackage.npy(dir.resolve("in.npy"), DType.INT16, new short[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 8);
        TinyPackage.npy(dir.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        assertThat(TinyPackage.check(dir, cache))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "test_tensor"),
                        "dtype 'int16' does not match the described dtype 'uint8'"));
        TinyPackage.npy(dir.resolve("in.npy"), DType.UINT8, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 8);
        assertThat(TinyPackage.check(dir, cache)).isEmpty();
    }

    @Test
    void floatDescriptionAcceptsAnyNumericDtypeButNotBool() throws Exception {
        TinyPackage.write(dir, TinyPackage.YAML);
        TinyPackage.npy(dir.resolve("in.npy"), DType.INT16, new short[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 8);
        TinyPackage.npy(dir.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        assertThat(TinyPackage.check(dir, cache)).isEmpty();
        TinyPackage.npy(dir.resolve("in.npy"), DType.BOOL, new byte[] {1, 0, 1, 0, 1, 0, 1, 0}, 1, 1, 8);
        assertThat(TinyPackage.check(dir, cache))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("inputs", 0, "test_tensor"),
                        "dtype 'bool' does not match the described dtype 'float32' (any numeric dtype is accepted)"));
    }

    @Test
    void absoluteToleranceAboveOnePercentOfTheOutputMaximumIsAnError() throws Exception {
        // out max is 10; 1% is 0.1
        String tooLarge = TinyPackage.YAML.replace(
                "%CONFIG%",
                "config:\n  bioimageio:\n    reproducibility_tolerance:\n      - absolute_tolerance: 0.01\n"
                        + "      - absolute_tolerance: 0.2\n        output_ids: [y]\n");
        assertThat(check(
                        tooLarge, TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10}))
                .containsExactly(Diagnostic.of(
                        Severity.ERROR,
                        Location.of("config", "bioimageio", "reproducibility_tolerance", 1, "absolute_tolerance"),
                        "absolute_tolerance 0.2 > 0.01*10.0 (1% of the maximum value of the test tensor 'y')"));
        String otherOutput = tooLarge.replace("output_ids: [y]", "output_ids: [z]");
        assertThat(check(
                        otherOutput, TinyPackage.ramp(8), new int[] {1, 1, 8}, TinyPackage.ramp(10), new int[] {1, 1, 10
                        }))
                .isEmpty();
    }

    @Test
    void everyViolationIsReportedNotOnlyTheFirst() throws Exception {
        float[] tiny = new float[9];
        assertThat(check(TinyPackage.ramp(10), new int[] {1, 1, 10}, tiny, new int[] {1, 1, 9}))
                .extracting(Diagnostic::loc)
                .containsExactly("inputs.0.test_tensor", "outputs.0.test_tensor", "outputs.0.test_tensor");
    }

    @Test
    void truncatedNpyIsAnErrorAtTheTestTensor() throws Exception {
        TinyPackage.write(dir, TinyPackage.YAML);
        TinyPackage.npy(dir.resolve("in.npy"), TinyPackage.ramp(8), 1, 1, 8);
        TinyPackage.npy(dir.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        byte[] full = Files.readAllBytes(dir.resolve("in.npy"));
        Files.write(dir.resolve("in.npy"), java.util.Arrays.copyOf(full, full.length - 5));
        assertThat(TinyPackage.check(dir, cache)).singleElement().satisfies(i -> {
            assertThat(i.loc()).isEqualTo("inputs.0.test_tensor");
            assertThat(i.message()).startsWith("cannot read the test tensor: ").contains("in.npy");
        });
    }

    @Test
    void lyingNpyHeaderIsAnErrorAtTheTestTensor() throws Exception {
        TinyPackage.write(dir, TinyPackage.YAML);
        TinyPackage.npy(dir.resolve("in.npy"), TinyPackage.ramp(8), 1, 1, 8);
        TinyPackage.npy(dir.resolve("out.npy"), TinyPackage.ramp(10), 1, 1, 10);
        byte[] bytes = Files.readAllBytes(dir.resolve("in.npy"));
        String header = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        String lying = header.replace("(1, 1, 8)", "(1, 1, 800000)");
        Files.write(dir.resolve("in.npy"), lying.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(TinyPackage.check(dir, cache)).singleElement().satisfies(i -> {
            assertThat(i.loc()).isEqualTo("inputs.0.test_tensor");
            assertThat(i.message()).startsWith("cannot read the test tensor: ").contains("in.npy");
        });
    }
}
