package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.ClipDescr;
import eu.riscale.modelhub.spec.op.ClipKwargs;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.FixedZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceKwargs;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.SoftmaxKwargs;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spec-record to op mapping and the implicit ensure_dtype steps (reference A.4). */
class ProcessingTest {
    private static InputTensorDescr input;
    private static OutputTensorDescr output;

    @BeforeAll
    static void load() throws Exception {
        ModelDescr nuclei =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        input = nuclei.inputs().get(0).toBuilder()
                .data(IntervalOrRatioDataDescr.of(DType.UINT8))
                .build();
        output = nuclei.outputs().get(0).toBuilder()
                .data(IntervalOrRatioDataDescr.of(DType.UINT16))
                .build();
    }

    private static List<String> pre(PreprocessingDescr... ops) {
        return Processing.effectivePreprocessing(
                        input.toBuilder().preprocessing(ops).build())
                .stream()
                .map(Object::toString)
                .toList();
    }

    private static List<String> post(PostprocessingDescr... ops) {
        return Processing.effectivePostprocessing(
                        output.toBuilder().postprocessing(ops).build())
                .stream()
                .map(Object::toString)
                .toList();
    }

    private static EnsureDtypeDescr cast(DType t) {
        return new EnsureDtypeDescr(new EnsureDtypeKwargs(t));
    }

    @Test
    void emptyPreprocessingCastsToTheDataType() {
        assertThat(pre()).containsExactly("EnsureDtype[uint8]");
    }

    @Test
    void preprocessingGetsLeadingAndTrailingCastsUnlessPresent() {
        assertThat(pre(new SigmoidDescr())).containsExactly("EnsureDtype[uint8]", "Sigmoid", "EnsureDtype[uint8]");
        assertThat(pre(cast(DType.FLOAT32), new SigmoidDescr(), cast(DType.FLOAT32)))
                .containsExactly("EnsureDtype[float32]", "Sigmoid", "EnsureDtype[float32]");
        assertThat(pre(cast(DType.FLOAT32), new BinarizeDescr(new BinarizeKwargs.Scalar(0.5))))
                .containsExactly("EnsureDtype[float32]", "Binarize[threshold=[0.5]]");
    }

    @Test
    void postprocessingGetsATrailingCastUnlessPresent() {
        assertThat(post()).containsExactly("EnsureDtype[uint16]");
        assertThat(post(new SigmoidDescr())).containsExactly("Sigmoid", "EnsureDtype[uint16]");
        assertThat(post(cast(DType.FLOAT64), new SigmoidDescr(), cast(DType.FLOAT32)))
                .containsExactly("EnsureDtype[float64]", "Sigmoid", "EnsureDtype[float32]");
        assertThat(post(new BinarizeDescr(new BinarizeKwargs.Scalar(0.5))))
                .containsExactly("Binarize[threshold=[0.5]]");
    }

    @Test
    void everyOpAndKwargsVariantMaps() {
        assertThat(Processing.of(new BinarizeDescr(new BinarizeKwargs.AlongAxis(List.of(0.1, 0.2), "channel"))))
                .hasToString("Binarize[axis=channel, threshold=[0.1, 0.2]]");
        assertThat(Processing.of(new ClipDescr(new ClipKwargs(0.0, null, null, 99.0, List.of("x", "y")))))
                .isInstanceOf(Clip.class)
                .hasToString(Clip.of(0.0, null, null, 99.0, java.util.Set.of("x", "y"))
                        .toString());
        assertThat(Processing.of(cast(DType.INT16))).isEqualTo(EnsureDtype.of(DType.INT16));
        assertThat(Processing.of(new FixedZeroMeanUnitVarianceDescr(new FixedZeroMeanUnitVarianceKwargs.Scalar(1, 2))))
                .hasToString(FixedZeroMeanUnitVariance.of(1, 2).toString());
        assertThat(Processing.of(new FixedZeroMeanUnitVarianceDescr(new FixedZeroMeanUnitVarianceKwargs.AlongAxis(
                        List.of(1.0, 2.0), List.of(3.0, 4.0), "channel"))))
                .hasToString(FixedZeroMeanUnitVariance.alongAxis("channel", new double[] {1, 2}, new double[] {3, 4})
                        .toString());
        assertThat(Processing.of(new ScaleLinearDescr(new ScaleLinearKwargs.Scalar(2, 3))))
                .hasToString(ScaleLinear.of(2, 3).toString());
        assertThat(Processing.of(new ScaleLinearDescr(new ScaleLinearKwargs.AlongAxis(
                        "channel", Coefficients.of(List.of(1.0, 2.0)), Coefficients.of(0.5)))))
                .hasToString(ScaleLinear.alongAxis("channel", new double[] {1, 2}, new double[] {0.5, 0.5})
                        .toString());
        assertThat(Processing.of(new SoftmaxDescr(new SoftmaxKwargs("channel"))))
                .isEqualTo(Softmax.along("channel"));
        assertThat(Processing.of(new SigmoidDescr())).isSameAs(Sigmoid.of());
        assertThat(Processing.of(new ScaleMeanVarianceDescr(new ScaleMeanVarianceKwargs("raw", List.of("x"), 1e-4))))
                .hasToString(
                        ScaleMeanVariance.of("raw", java.util.Set.of("x"), 1e-4).toString());
    }

    @Test
    void epsOfZeroMeanUnitVarianceAndScaleRangeIsIgnoredLikeTheReference() {
        assertThat(Processing.of(new ZeroMeanUnitVarianceDescr(new ZeroMeanUnitVarianceKwargs(List.of("x"), 0.001))))
                .hasToString("ZeroMeanUnitVariance[axes=[x], eps=1.0E-6]");
        assertThat(Processing.of(new ScaleRangeDescr(new ScaleRangeKwargs(null, 1, 99, 0.01, "other"))))
                .hasToString(ScaleRange.percentiles(1, 99, null, "other").toString());
    }

    @Test
    void badParametersNameTensorAndIndex() {
        InputTensorDescr bad = input.toBuilder()
                .preprocessing(new SigmoidDescr(), new ScaleRangeDescr(new ScaleRangeKwargs(null, 50, 10, 1e-6, null)))
                .build();
        assertThatThrownBy(() -> Processing.effectivePreprocessing(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tensor 'raw' preprocessing[1]: scale_range: min_percentile 50.0 must be below"
                        + " max_percentile 10.0");
    }
}
