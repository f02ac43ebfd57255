package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.weights.KerasBackend;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import java.util.Map;

/** Builder-made models with the 0.5.8+ entries that carry files, shared by tests of other packages. */
public final class UnsupportedStepsTestModels {
    private UnsupportedStepsTestModels() {}

    /** {@return a model with keras_v3 weights next to torchscript and a custom postprocessing step} */
    public static ModelDescr kerasAndCustom() {
        return UnsupportedStepsTest.model(
                UnsupportedStepsTest.torchscript().toBuilder()
                        .kerasV3(KerasV3WeightsDescr.builder()
                                .source("model.keras")
                                .kerasVersion("3.3.3")
                                .backend(KerasBackend.Name.TENSORFLOW, "2.16.1")
                                .build())
                        .build(),
                new CustomPostprocessingDescr("post.py", null, "Post", Map.of()));
    }
}
