package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.internal.YamlIo;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.DataDependentSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.IndexOutputAxis;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxis;
import eu.riscale.modelhub.spec.axis.TimeOutputAxisWithHalo;
import eu.riscale.modelhub.spec.op.BinarizeDescr;
import eu.riscale.modelhub.spec.op.BinarizeKwargs;
import eu.riscale.modelhub.spec.op.Coefficients;
import eu.riscale.modelhub.spec.op.ScaleLinearDescr;
import eu.riscale.modelhub.spec.op.ScaleLinearKwargs;
import eu.riscale.modelhub.spec.op.ScaleMeanVarianceDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeDescr;
import eu.riscale.modelhub.spec.op.ScaleRangeKwargs;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import eu.riscale.modelhub.spec.tensor.NominalOrOrdinalDataDescr;
import eu.riscale.modelhub.spec.tensor.PerChannelData;
import eu.riscale.modelhub.spec.tensor.Range;
import eu.riscale.modelhub.spec.weights.ArchitectureFromLibraryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project-written description that uses every node type, keys in the spec's order and no default values: loading
 * it binds each variant, and writing the loaded model reproduces the same ordered tree.
 */
class AllFeaturesTest {
    static String fixture() throws Exception {
        try (InputStream in = AllFeaturesTest.class.getResourceAsStream("/descriptions/all-features.bioimageio.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyVariantBindsToItsRecord() throws Exception {
        ModelDescr m = Descriptions.parse(fixture());
        var in = m.inputs().get(0);
        assertThat(in.axes().get(0)).isEqualTo(new BatchAxis("batch", "", 1));
        // `c` is normalised to `channel` like the reference does
        assertThat(((ChannelAxis) in.axes().get(1)).id()).isEqualTo("channel");
        assertThat(((IndexInputAxis) in.axes().get(2)).size()).isEqualTo(new ParameterizedSize(32, 16));
        assertThat(((TimeInputAxis) in.axes().get(3)).scale()).isEqualTo(0.5);
        assertThat(((SpaceInputAxis) in.axes().get(4)).size()).isEqualTo(new SizeReference("raw", "time", -2));
        assertThat(in.data()).isInstanceOf(PerChannelData.class);
        assertThat(((PerChannelData) in.data()).channels()).hasSize(2);
        assertThat(in.preprocessing().get(0)).isEqualTo(new BinarizeDescr(new BinarizeKwargs.Scalar(0.5)));
        assertThat(((BinarizeDescr) in.preprocessing().get(1)).kwargs())
                .isEqualTo(new BinarizeKwargs.AlongAxis(List.of(0.25, 0.75), "channel"));
        assertThat(((ScaleLinearDescr) in.preprocessing().get(7)).kwargs())
                .isEqualTo(new ScaleLinearKwargs.AlongAxis(
                        "channel", Coefficients.of(List.of(1.0, 2.0)), Coefficients.of(3.0)));
        assertThat(((ScaleRangeDescr) in.preprocessing().get(9)).kwargs()).isEqualTo(ScaleRangeKwargs.DEFAULT);
        assertThat(((SoftmaxDescr) in.preprocessing().get(12)).kwargs().axis()).isEqualTo("channel");

        var out = m.outputs().get(0);
        assertThat(((IndexOutputAxis) out.axes().get(1)).size()).isEqualTo(new DataDependentSize(1, 1000));
        assertThat(out.axes().get(3)).isInstanceOf(TimeOutputAxis.class);
        assertThat(out.axes().get(5)).isInstanceOf(TimeOutputAxisWithHalo.class);
        assertThat(((SpaceOutputAxisWithHalo) out.axes().get(6)).halo()).isEqualTo(8);
        assertThat(out.postprocessing().get(0)).isInstanceOf(ScaleMeanVarianceDescr.class);
        assertThat(((NominalOrOrdinalDataDescr) out.data()).values()).containsExactly("background", "cell");
        assertThat(((NominalOrOrdinalDataDescr) m.outputs().get(1).data()).type())
                .isEqualTo(DType.BOOL);
        assertThat(((NominalOrOrdinalDataDescr) m.outputs().get(1).data()).values())
                .containsExactly(true, false);
        assertThat(((PerChannelData) in.data()).channels().get(1))
                .satisfies(d -> assertThat(((eu.riscale.modelhub.spec.tensor.IntervalOrRatioDataDescr) d).range())
                        .isEqualTo(new Range(null, 100.0)));

        assertThat(m.version()).isEqualTo("1.10");
        assertThat(m.parent().version()).isEqualTo("0.9");
        assertThat(m.weights().tensorflowJs().parent()).isEqualTo(WeightsFormat.KERAS_HDF5);
        assertThat(m.weights().pytorchStateDict().architecture()).isInstanceOf(ArchitectureFromLibraryDescr.class);
        assertThat(m.weights().pytorchStateDict().architecture().kwargs())
                .containsEntry("channels", List.of(32, 64))
                .containsEntry("norm", null);
        var bio = m.config().bioimageio();
        assertThat(bio.reproducibilityTolerance().get(0).weightsFormats())
                .containsExactly(WeightsFormat.ONNX, WeightsFormat.TORCHSCRIPT);
        assertThat(bio.reproducibilityTolerance().get(1).relativeTolerance()).isEqualTo(1e-3);
        assertThat(bio.biasRisksLimitations().extra()).containsEntry("severity", "low");
        assertThat(bio.training().extra()).containsEntry("gpu", "A100");
        assertThat(bio.evaluations().get(0).results()).containsExactly(List.of(0.85));
        assertThat(List.copyOf(m.config().extra().keySet())).containsExactly("deepimagej", "zzz");
    }

    @Test
    void writingTheLoadedModelReproducesTheOrderedTree() throws Exception {
        String text = fixture();
        // the channel axis id `c` is normalised to the default `channel`, which the writer leaves out
        JsonNode expected =
                numbersAsDoubles(YamlIo.parse(text.replace("- id: c\n        description", "- description")));
        JsonNode written = numbersAsDoubles(YamlIo.parse(Descriptions.toYaml(Descriptions.parse(text))));
        assertThat(written).isEqualTo(expected);
        assertThat(keyOrder(written, "")).isEqualTo(keyOrder(expected, ""));
        assertThat(Descriptions.parse(Descriptions.toYaml(Descriptions.parse(text))))
                .isEqualTo(Descriptions.parse(text));
    }

    @Test
    void legacyKeysAndEmptyKwargsAreAccepted() throws Exception {
        ModelDescr m = Descriptions.parse(BadInputTest.VALID
                        .replace("name: minimal model", "name: minimal model\nversion_number: 3")
                        .replace(
                                "        size: 64\n",
                                "        size: 64\n    preprocessing:\n      - id: sigmoid\n        kwargs: {}\n")
                + "training_data: {id: example/data, version_number: 2}\n");
        assertThat(m.version()).isEqualTo("3");
        assertThat(((eu.riscale.modelhub.spec.common.LinkedDataset) m.trainingData()).version())
                .isEqualTo("2");
        assertThat(m.inputs().get(0).preprocessing()).hasSize(1);
    }

    /** Compares numbers by value: the writer may spell {@code 0.0001} as {@code 1.0E-4}. */
    private static JsonNode numbersAsDoubles(JsonNode n) {
        if (n.isFloatingPointNumber()) {
            return JsonNodeFactory.instance.numberNode(n.doubleValue());
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            n.properties().forEach(e -> o.set(e.getKey(), numbersAsDoubles(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.values().forEach(e -> a.add(numbersAsDoubles(e)));
            return a;
        }
        return n;
    }

    private static List<String> keyOrder(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(path + "/" + e.getKey());
                out.addAll(keyOrder(e.getValue(), path + "/" + e.getKey()));
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.addAll(keyOrder(n.get(i), path + "/" + i));
            }
        }
        return out;
    }
}
