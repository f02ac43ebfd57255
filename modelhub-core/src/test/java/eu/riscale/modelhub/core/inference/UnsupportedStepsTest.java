package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.op.Processing;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsDescr;
import eu.riscale.modelhub.spec.op.CellposeFlowDynamicsKwargs;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.StardistKwargs;
import eu.riscale.modelhub.spec.op.StardistPostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.KerasBackend;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps and weights the SDK validates but cannot run (format 0.5.8 to 0.5.14) are reported as "not supported by this
 * SDK" with what they need, not as a format error or an exception from deep inside.
 */
class UnsupportedStepsTest {
    @TempDir
    Path tmp;

    static final StardistPostprocessingDescr STARDIST = new StardistPostprocessingDescr(
            new StardistKwargs.TwoD(0.5, 0.4, 32, List.of(2, 2), new StardistKwargs.Border.Uniform(2)));

    static ModelDescr model(WeightsDescr weights, PostprocessingDescr... post) {
        return ModelDescr.builder()
                .name("unsupported steps")
                .inputs(InputTensorDescr.builder()
                        .id("raw")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("c"),
                                SpaceInputAxis.builder()
                                        .id("y")
                                        .size(FixedSize.of(16))
                                        .build())
                        .build())
                .outputs(OutputTensorDescr.builder()
                        .id("out")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("c"),
                                SpaceOutputAxis.builder()
                                        .id("y")
                                        .size(SizeReference.of("raw", "y"))
                                        .build())
                        .postprocessing(post)
                        .build())
                .weights(weights)
                .build();
    }

    static WeightsDescr torchscript() {
        return WeightsDescr.builder()
                .torchscript(TorchscriptWeightsDescr.builder()
                        .source("missing.pt")
                        .pytorchVersion("2.1")
                        .build())
                .build();
    }

    @Test
    void eachExternalStepSaysWhatItNeeds() {
        assertThat(Processing.unsupported(model(torchscript(), new SigmoidDescr(), STARDIST)))
                .contains("not supported by this SDK: outputs.0.postprocessing.1 (stardist_postprocessing) needs the"
                        + " stardist Python package (star-convex polygon non-maximum suppression)");
        assertThat(Processing.unsupported(model(
                        torchscript(), new CellposeFlowDynamicsDescr(CellposeFlowDynamicsKwargs.of(0, 0.4, false)))))
                .contains("not supported by this SDK: outputs.0.postprocessing.0 (cellpose_flow_dynamics) needs the"
                        + " cellpose Python package (flow dynamics)");
        assertThat(Processing.unsupported(
                        model(torchscript(), new CustomPostprocessingDescr("post.py", null, "Post", Map.of()))))
                .contains("not supported by this SDK: outputs.0.postprocessing.0 (custom) needs Python to run Post"
                        + " from post.py");
        assertThat(Processing.unsupported(model(torchscript(), new SigmoidDescr())))
                .isEmpty();
        assertThatThrownBy(() -> Processing.of(STARDIST))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("not supported by this SDK: stardist_postprocessing needs");
    }

    @Test
    void theTestBackendSkipsEveryFormatOfAModelWithAnExternalStep() {
        InferenceBackendReasons reasons = new InferenceBackendReasons(model(torchscript(), STARDIST));
        assertThat(reasons.of(WeightsFormat.TORCHSCRIPT))
                .startsWith("not supported by this SDK: outputs.0.postprocessing.0 (stardist_postprocessing) needs");
        assertThat(reasons.of(WeightsFormat.ONNX)).isEqualTo(reasons.of(WeightsFormat.TORCHSCRIPT));
    }

    @Test
    void kerasV3WeightsAreSkippedWhileTheOtherFormatsStayRunnable() {
        WeightsDescr weights = torchscript().toBuilder()
                .kerasV3(KerasV3WeightsDescr.builder()
                        .source("model.keras")
                        .kerasVersion("3.3.3")
                        .backend(KerasBackend.Name.JAX, "0.4.30")
                        .build())
                .build();
        InferenceBackendReasons reasons = new InferenceBackendReasons(model(weights));
        assertThat(reasons.of(WeightsFormat.KERAS_V3))
                .isEqualTo("not supported by this SDK: keras_v3 weights need Keras 3 (Python); this SDK runs"
                        + " [torchscript, onnx]");
        assertThat(reasons.of(WeightsFormat.PYTORCH_STATE_DICT))
                .isEqualTo("no Java engine runs pytorch_state_dict (this SDK runs [torchscript, onnx])");
    }

    @Test
    void predictionFailsWithItsOwnExceptionBeforeLoadingWeights() {
        // the weights file does not exist: the step is reported first, not a missing file
        assertThatThrownBy(() ->
                        PredictionPipeline.create(model(torchscript(), STARDIST), tmp, PredictionOptions.defaults()))
                .isInstanceOf(UnsupportedProcessingException.class)
                .hasMessage("not supported by this SDK: outputs.0.postprocessing.0 (stardist_postprocessing) needs the"
                        + " stardist Python package (star-convex polygon non-maximum suppression)");
    }

    @Test
    void predictionWithOnlyKerasV3WeightsNamesWhatRuns() {
        WeightsDescr weights = WeightsDescr.builder()
                .kerasV3(KerasV3WeightsDescr.builder()
                        .source("model.keras")
                        .kerasVersion("3.3.3")
                        .backend(KerasBackend.Name.TORCH, "2.3")
                        .build())
                .build();
        assertThatThrownBy(() -> PredictionPipeline.create(model(weights), tmp, PredictionOptions.defaults()))
                .isInstanceOf(UnsupportedWeightsException.class)
                .hasMessageContaining("the description offers [keras_v3]");
    }

    /** The reasons of the default test backend, without starting an engine for formats that have a reason anyway. */
    private record InferenceBackendReasons(ModelDescr model) {
        String of(WeightsFormat f) {
            return PipelineBackend.create().unavailableReason(model, f).orElse("");
        }
    }
}
