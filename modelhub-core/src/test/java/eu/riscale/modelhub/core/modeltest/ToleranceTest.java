package eu.riscale.modelhub.core.modeltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.spec.config.BioimageioConfig;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToleranceTest {
    private static final ReproducibilityTolerance ONNX_ONLY = ReproducibilityTolerance.builder()
            .relativeTolerance(0.005)
            .absoluteTolerance(0.01)
            .mismatchedElementsPerMillion(7)
            .weightsFormats(WeightsFormat.ONNX)
            .build();
    private static final ReproducibilityTolerance MASK_ONLY = ReproducibilityTolerance.builder()
            .relativeTolerance(0.002)
            .absoluteTolerance(0.5)
            .mismatchedElementsPerMillion(3)
            .outputIds("mask")
            .build();
    private static final ReproducibilityTolerance ANY = ReproducibilityTolerance.builder()
            .relativeTolerance(0.0)
            .absoluteTolerance(2.0)
            .mismatchedElementsPerMillion(1000)
            .build();

    @Test
    void defaultsWhenNothingIsConfigured() {
        assertThat(Tolerance.select(BioimageioConfig.DEFAULT, "out", WeightsFormat.TORCHSCRIPT))
                .isEqualTo(new Tolerance(1e-3, 1e-3, 100))
                .isEqualTo(Tolerance.DEFAULT);
    }

    @Test
    void firstMatchingEntryByWeightsFormatAndOutputIdWins() {
        BioimageioConfig config = BioimageioConfig.builder()
                .reproducibilityTolerance(ONNX_ONLY, MASK_ONLY, ANY)
                .build();
        assertThat(Tolerance.select(config, "mask", WeightsFormat.ONNX)).isEqualTo(new Tolerance(0.005, 0.01, 7));
        assertThat(Tolerance.select(config, "mask", WeightsFormat.TORCHSCRIPT)).isEqualTo(new Tolerance(0.002, 0.5, 3));
        assertThat(Tolerance.select(config, "prob", WeightsFormat.TORCHSCRIPT))
                .isEqualTo(new Tolerance(0.0, 2.0, 1000));
    }

    @Test
    void noMatchingEntryFallsBackToDefaults() {
        BioimageioConfig config = BioimageioConfig.builder()
                .reproducibilityTolerance(ONNX_ONLY, MASK_ONLY)
                .build();
        assertThat(Tolerance.select(config, "prob", WeightsFormat.TORCHSCRIPT)).isEqualTo(Tolerance.DEFAULT);
    }

    @Test
    void legacyTestKwargsApplyPerWeightsFormatWithTheDefaultPerMillionLimit() {
        BioimageioConfig config = BioimageioConfig.builder()
                .extra(
                        "test_kwargs",
                        Map.of(
                                "onnx", Map.of("relative_tolerance", 0.01, "absolute_tolerance", 0.02),
                                "torchscript", Map.of("absolute_tolerance", 1)))
                .build();
        assertThat(Tolerance.select(config, "prob", WeightsFormat.ONNX)).isEqualTo(new Tolerance(0.01, 0.02, 100));
        assertThat(Tolerance.select(config, "prob", WeightsFormat.TORCHSCRIPT))
                .isEqualTo(new Tolerance(1e-3, 1.0, 100));
        assertThat(Tolerance.select(config, "prob", WeightsFormat.KERAS_HDF5)).isEqualTo(Tolerance.DEFAULT);
    }

    @Test
    void reproducibilityToleranceTakesPrecedenceOverLegacyTestKwargs() {
        BioimageioConfig config = BioimageioConfig.builder()
                .reproducibilityTolerance(ONNX_ONLY)
                .extra("test_kwargs", Map.of("onnx", Map.of("relative_tolerance", 0.01)))
                .build();
        assertThat(Tolerance.select(config, "prob", WeightsFormat.ONNX)).isEqualTo(new Tolerance(0.005, 0.01, 7));
    }

    @Test
    void mismatchIsStrictlyGreaterThanAtolPlusRtolTimesExpected() {
        Tolerance t = new Tolerance(0.1, 0.5, 0);
        // bound at expected 10: 0.5 + 0.1 * 10 = 1.5
        assertThat(t.mismatched(11.5, 10)).isFalse();
        assertThat(t.mismatched(11.51, 10)).isTrue();
        assertThat(t.mismatched(8.5, 10)).isFalse();
        assertThat(t.mismatched(8.49, 10)).isTrue();
        // bound at expected -10 uses |expected|
        assertThat(t.mismatched(-11.5, -10)).isFalse();
        assertThat(t.mismatched(-11.6, -10)).isTrue();
        assertThat(t.mismatched(Double.NaN, Double.NaN)).isFalse();
        assertThat(t.mismatched(Double.NaN, 1)).isTrue();
        assertThat(t.mismatched(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isFalse();
        assertThat(t.mismatched(Double.POSITIVE_INFINITY, 1)).isTrue();
    }

    @Test
    void negativeValuesAreRefusedNamingThem() {
        assertThatThrownBy(() -> new Tolerance(-1, 0, 0)).hasMessageContaining("relative tolerance");
        assertThatThrownBy(() -> new Tolerance(0, Double.NaN, 0)).hasMessageContaining("absolute tolerance");
        assertThatThrownBy(() -> new Tolerance(0, 0, -1)).hasMessageContaining("mismatchedPerMillion");
    }

    @Test
    void withoutAListDiscreteOutputsAreExactUpTo1000PerMillion() {
        assertThat(Tolerance.select(BioimageioConfig.DEFAULT, "labels", true, WeightsFormat.ONNX))
                .isEqualTo(new Tolerance(0, 0, 1000));
        assertThat(Tolerance.select(BioimageioConfig.DEFAULT, "prob", false, WeightsFormat.ONNX))
                .isEqualTo(Tolerance.DEFAULT);
    }

    @Test
    void continuousAndDiscreteEntriesSelectByTheOutputType() {
        BioimageioConfig config = BioimageioConfig.builder()
                .reproducibilityTolerance(
                        ReproducibilityTolerance.builder()
                                .discrete()
                                .mismatchedElementsPerMillion(7)
                                .build(),
                        ReproducibilityTolerance.builder()
                                .continuous()
                                .relativeTolerance(0.01)
                                .build())
                .build();
        assertThat(Tolerance.select(config, "labels", true, WeightsFormat.ONNX)).isEqualTo(new Tolerance(0, 0, 7));
        assertThat(Tolerance.select(config, "prob", false, WeightsFormat.ONNX))
                .isEqualTo(new Tolerance(0.01, 1e-3, 100));
    }

    @Test
    void legacyTestKwargsStillApplyToADescriptionWithoutAList() {
        BioimageioConfig config = BioimageioConfig.builder()
                .extra("test_kwargs", Map.of("onnx", Map.of("absolute_tolerance", 0.5)))
                .build();
        assertThat(Tolerance.select(config, "labels", true, WeightsFormat.ONNX))
                .isEqualTo(new Tolerance(1e-3, 0.5, 100));
        assertThat(Tolerance.select(config, "labels", true, WeightsFormat.TORCHSCRIPT))
                .isEqualTo(new Tolerance(0, 0, 1000));
    }
}
