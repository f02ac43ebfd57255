package eu.riscale.modelhub.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.config.Config;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDescrBuilderTest {
    @Test
    void buildNamesEveryMissingRequiredField() {
        assertThatIllegalStateException()
                .isThrownBy(() -> ModelDescr.builder().description("no name").build())
                .withMessage("ModelDescr: missing required fields: name, inputs, outputs, weights");
        assertThatIllegalStateException()
                .isThrownBy(() -> TorchscriptWeightsDescr.builder().build())
                .withMessage("TorchscriptWeightsDescr: missing required fields: source, pytorchVersion");
        assertThatIllegalStateException()
                .isThrownBy(() -> SpaceInputAxis.builder().id("y").build())
                .withMessage("SpaceInputAxis: missing required fields: size");
    }

    @Test
    void builderStartsFromTheSpecDefaults() {
        InputTensorDescr.Builder tensor = InputTensorDescr.builder().axes(BatchAxis.of());
        InputTensorDescr built = tensor.build();
        assertThat(built.id()).isEqualTo("input");
        assertThat(built.description()).isEmpty();
        assertThat(built.data()).isEqualTo(IntervalOrRatioDataDescr.DEFAULT);
        assertThat(built.preprocessing()).isEmpty();
        ModelDescr model = ModelDescr.builder()
                .name("defaults")
                .inputs(built)
                .outputs(List.of())
                .weights(WeightsDescr.builder().build())
                .build();
        assertThat(model.formatVersion()).isEqualTo(ModelDescr.FORMAT_VERSION);
        assertThat(model.config()).isEqualTo(Config.DEFAULT);
        assertThat(model.timestamp()).isNull();
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<String> tags = new ArrayList<>(List.of("a"));
        ModelDescr model = ModelDescr.builder()
                .name("copies")
                .tags(tags)
                .inputs(List.of())
                .outputs(List.of())
                .weights(WeightsDescr.builder().build())
                .build();
        tags.add("b");
        assertThat(model.tags()).containsExactly("a");
        assertThat(model.toBuilder().build()).isEqualTo(model);
    }

    @Test
    void constructorsRejectMissingRequiredComponents() {
        assertThatNullPointerException()
                .isThrownBy(() -> new BatchAxis(null, "", null))
                .withMessage("id");
        assertThatNullPointerException()
                .isThrownBy(() -> ModelDescr.builder().name(null))
                .withMessage("name");
    }

    @Test
    void scalarCoefficientsHoldExactlyOneValue() {
        assertThat(Coefficients.of(2.0).values()).containsExactly(2.0);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Coefficients(List.of(1.0, 2.0), true))
                .withMessageContaining("exactly one value, found 2");
    }
}
