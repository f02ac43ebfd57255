package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both example packages reproduce their test outputs through the whole pipeline, as the reference's test does. */
class ConformanceReproductionTest {
    static List<String> axes(List<? extends eu.riscale.modelhub.spec.axis.Axis> axes) {
        List<String> ids = new ArrayList<>();
        axes.forEach(a -> ids.add(a.id()));
        return ids;
    }

    static Map<String, Tensor> testInputs(ModelDescr model, Path dir) throws Exception {
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (InputTensorDescr d : model.inputs()) {
            in.put(d.id(), Npy.read(dir.resolve(d.testTensor().source()), axes(d.axes())));
        }
        return in;
    }

    @ParameterizedTest
    @CsvSource({"unet2d_nuclei_broad, TORCHSCRIPT", "unet2d_nuclei_broad, ONNX", "unet2d_multi_tensor, TORCHSCRIPT"})
    void reproducesTestOutputs(String name, WeightsFormat format) throws Exception {
        Path dir = Conformance.model(name);
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        PredictionOptions options = PredictionOptions.of(b -> b.weightsPriority(List.of(format)));
        try (ResourceRoot root = ResourceRoot.open(dir);
                PredictionPipeline p = PredictionPipeline.create(model, root, options)) {
            assertThat(p.weightsFormat()).isEqualTo(format);
            assertThat(p.device()).isEqualTo("cpu()");
            assertThat(p.engineName()).isEqualTo(format == WeightsFormat.ONNX ? "OnnxRuntime" : "PyTorch");
            assertThat(p.engineVersion()).isEqualTo(format == WeightsFormat.ONNX ? "1.21.1" : "2.7.1");
            Map<String, Tensor> out = p.predict(testInputs(model, dir));
            assertThat(out.keySet()).containsExactlyElementsOf(ConformanceReproductionTest.outputIds(model));
            for (OutputTensorDescr d : model.outputs()) {
                Tensor expected = Npy.read(dir.resolve(d.testTensor().source()), axes(d.axes()));
                Reproduction.assertClose(out.get(d.id()), expected, Reproduction.tolerance(model, d.id(), format));
            }
        }
    }

    /** Issue 4: the 0.4 descriptions of the nuclei example, converted on load, reproduce the same test output. */
    @ParameterizedTest
    @CsvSource({
        "v0_4_9.bioimageio.yaml, TORCHSCRIPT",
        "v0_4_9.bioimageio.yaml, ONNX",
        "v0_4_0.bioimageio.yaml, TORCHSCRIPT"
    })
    void convertedLegacyDescriptionsReproduceTestOutputs(String file, WeightsFormat format) throws Exception {
        Path dir = Conformance.model("unet2d_nuclei_broad");
        LoadResult loaded = Descriptions.load(dir.resolve(file));
        assertThat(loaded.converted()).isTrue();
        ModelDescr model = loaded.requireModel();
        assertThat(ModelValidation.validate(model).errors()).isEmpty();
        PredictionOptions options = PredictionOptions.of(b -> b.weightsPriority(List.of(format)));
        try (ResourceRoot root = ResourceRoot.open(dir);
                PredictionPipeline p = PredictionPipeline.create(model, root, options)) {
            Map<String, Tensor> out = p.predict(testInputs(model, dir));
            for (OutputTensorDescr d : model.outputs()) {
                Tensor expected = Npy.read(dir.resolve(d.testTensor().source()), axes(d.axes()));
                Reproduction.assertClose(out.get(d.id()), expected, Reproduction.tolerance(model, d.id(), format));
            }
        }
    }

    static List<String> outputIds(ModelDescr model) {
        return model.outputs().stream().map(OutputTensorDescr::id).toList();
    }
}
