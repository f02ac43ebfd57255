package eu.riscale.modelhub.spec.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.EnsureDtypeDescr;
import eu.riscale.modelhub.spec.op.EnsureDtypeKwargs;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.PreprocessingDescr;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The implicit {@code ensure_dtype} steps of the reference (v0_5.py, input and output tensor validators). */
class EffectiveProcessingTest {
    private static final EnsureDtypeDescr UINT8 = new EnsureDtypeDescr(new EnsureDtypeKwargs(DType.UINT8));
    private static final EnsureDtypeDescr FLOAT32 = new EnsureDtypeDescr(new EnsureDtypeKwargs(DType.FLOAT32));
    private static final SigmoidDescr SIGMOID = new SigmoidDescr();
    private static final BinarizeDescr BINARIZE = new BinarizeDescr(new BinarizeKwargs.Scalar(0.5));

    private static InputTensorDescr input(DType type, List<PreprocessingDescr> steps) {
        return InputTensorDescr.builder()
                .axes(BatchAxis.of())
                .data(IntervalOrRatioDataDescr.of(type))
                .preprocessing(steps)
                .build();
    }

    private static OutputTensorDescr output(List<PostprocessingDescr> steps) {
        return OutputTensorDescr.builder()
                .axes(BatchAxis.of())
                .data(IntervalOrRatioDataDescr.of(DType.UINT8))
                .postprocessing(steps)
                .build();
    }

    @Test
    void noPreprocessingBecomesOneEnsureDtypeOfTheDataType() {
        assertThat(input(DType.UINT8, List.of()).effectivePreprocessing()).containsExactly(UINT8);
    }

    @Test
    void stepsAreWrappedInEnsureDtypeOfTheDataTypeWhichCastsBackToTheInputType() {
        assertThat(input(DType.UINT8, List.of(SIGMOID)).effectivePreprocessing())
                .containsExactly(UINT8, SIGMOID, UINT8);
    }

    @Test
    void explicitEnsureDtypeAtEitherEndIsKept() {
        assertThat(input(DType.UINT8, List.of(FLOAT32, SIGMOID, FLOAT32)).effectivePreprocessing())
                .containsExactly(FLOAT32, SIGMOID, FLOAT32);
        assertThat(input(DType.UINT8, List.of(SIGMOID, FLOAT32)).effectivePreprocessing())
                .containsExactly(UINT8, SIGMOID, FLOAT32);
    }

    @Test
    void binarizeMayEndPreprocessing() {
        assertThat(input(DType.FLOAT32, List.of(BINARIZE)).effectivePreprocessing())
                .containsExactly(FLOAT32, BINARIZE);
    }

    @Test
    void perChannelDataUsesTheFirstChannelsType() {
        InputTensorDescr t = input(DType.FLOAT32, List.of(SIGMOID)).toBuilder()
                .data(new PerChannelData(
                        List.of(IntervalOrRatioDataDescr.of(DType.UINT8), IntervalOrRatioDataDescr.of(DType.UINT8))))
                .build();
        assertThat(t.effectivePreprocessing()).containsExactly(UINT8, SIGMOID, UINT8);
    }

    @Test
    void postprocessingGetsATrailingEnsureDtypeUnlessItEndsInEnsureDtypeOrBinarize() {
        assertThat(output(List.of()).effectivePostprocessing()).containsExactly(UINT8);
        assertThat(output(List.of(SIGMOID)).effectivePostprocessing()).containsExactly(SIGMOID, UINT8);
        assertThat(output(List.of(SIGMOID, FLOAT32)).effectivePostprocessing()).containsExactly(SIGMOID, FLOAT32);
        assertThat(output(List.of(BINARIZE)).effectivePostprocessing()).containsExactly(BINARIZE);
    }

    @Test
    void theDeclaredStepsAreNotChanged() {
        InputTensorDescr t = input(DType.UINT8, List.of(SIGMOID));
        t.effectivePreprocessing();
        assertThat(t.preprocessing()).containsExactly(SIGMOID);
    }
}
