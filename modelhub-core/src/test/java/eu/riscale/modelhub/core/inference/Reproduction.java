package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.config.ReproducibilityTolerance;
import eu.riscale.modelhub.spec.weights.WeightsFormat;

/** The reference's output comparison: mismatched elements per million under {@code atol + rtol * |expected|}. */
final class Reproduction {
    private Reproduction() {}

    /** {@return the first tolerance of the description matching the output and format, else the default} */
    static ReproducibilityTolerance tolerance(ModelDescr model, String outputId, WeightsFormat format) {
        for (ReproducibilityTolerance t : model.config().bioimageio().reproducibilityTolerance()) {
            if ((t.outputIds().isEmpty() || t.outputIds().contains(outputId))
                    && (t.weightsFormats().isEmpty() || t.weightsFormats().contains(format))) {
                return t;
            }
        }
        return ReproducibilityTolerance.DEFAULT;
    }

    static void assertClose(Tensor actual, Tensor expected, ReproducibilityTolerance tol) {
        assertThat(actual.axes()).isEqualTo(expected.axes());
        assertThat(actual.shape()).isEqualTo(expected.shape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        long mismatched = 0;
        double maxAbs = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - e[i]);
            maxAbs = Math.max(maxAbs, d);
            if (!(d <= tol.absoluteTolerance() + tol.relativeTolerance() * Math.abs(e[i]))) {
                mismatched++;
            }
        }
        double ppm = 1e6 * mismatched / a.length;
        assertThat(ppm)
                .as("mismatched elements per million (max abs deviation %s, tolerance %s)", maxAbs, tol)
                .isLessThanOrEqualTo(tol.mismatchedElementsPerMillion());
    }
}
