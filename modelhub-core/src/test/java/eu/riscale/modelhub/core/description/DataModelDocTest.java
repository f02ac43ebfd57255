package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.ParameterizedSize;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.common.Author;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.op.SigmoidDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceKwargs;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example of docs/data-model.md and checks that the page shows exactly this code. */
class DataModelDocTest {
    @Test
    void exampleRuns(@TempDir Path dir) throws Exception {
        // docs:start
        ModelDescr model = ModelDescr.build(m -> m.name("My cell segmenter")
                .description("Segments cells in 2D fluorescence images.")
                .authors(Author.builder().name("Ada Lovelace").build())
                .license("MIT")
                .inputs(InputTensorDescr.builder()
                        .id("raw")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("dapi"),
                                SpaceInputAxis.builder()
                                        .id("y")
                                        .size(new ParameterizedSize(64, 16))
                                        .build(),
                                SpaceInputAxis.builder()
                                        .id("x")
                                        .size(new ParameterizedSize(64, 16))
                                        .build())
                        .testTensor(FileDescr.of("test_input.npy"))
                        .preprocessing(new ZeroMeanUnitVarianceDescr(ZeroMeanUnitVarianceKwargs.DEFAULT))
                        .build())
                .outputs(OutputTensorDescr.builder()
                        .id("mask")
                        .axes(
                                BatchAxis.of(),
                                ChannelAxis.of("foreground"),
                                SpaceOutputAxis.builder()
                                        .id("y")
                                        .size(SizeReference.of("raw", "y"))
                                        .build(),
                                SpaceOutputAxis.builder()
                                        .id("x")
                                        .size(SizeReference.of("raw", "x"))
                                        .build())
                        .postprocessing(new SigmoidDescr())
                        .build())
                .weights(WeightsDescr.builder()
                        .torchscript(TorchscriptWeightsDescr.builder()
                                .source("weights.pt")
                                .pytorchVersion("2.5.1")
                                .build())
                        .build()));

        Path file = dir.resolve("bioimageio.yaml");
        Descriptions.write(model, file);
        ModelDescr again = Descriptions.read(file);
        assert again.equals(model);

        ModelDescr renamed = again.toBuilder().name("My cell segmenter v2").build();
        // docs:end
        assertThat(again).isEqualTo(model);
        assertThat(renamed.inputs()).isEqualTo(model.inputs());
        assertThat(Files.readString(file))
                .startsWith("name: My cell segmenter\n")
                .contains("format_version: 0.5.14\ntype: model\n")
                .contains("    axes:\n      - type: batch\n      - type: channel\n");
        assertThat(model.inputs().get(0).axes().get(2)).isInstanceOf(SpaceInputAxis.class);
        assertThat(((SpaceInputAxis) model.inputs().get(0).axes().get(2)).size())
                .isNotInstanceOf(FixedSize.class);
    }

    @Test
    void pageShowsTheExampleVerbatim() throws Exception {
        Path test = Conformance.buildRoot()
                .resolve("modelhub-core/src/test/java/eu/riscale/modelhub/core/description/DataModelDocTest.java");
        String source = Files.readString(test);
        String example =
                source.substring(source.indexOf("// docs:start\n") + 14, source.indexOf("        // docs:end"));
        String unindented = String.join(
                "\n",
                example.lines().map(l -> l.length() >= 8 ? l.substring(8) : l).toList());
        String page = Files.readString(Conformance.buildRoot().resolve("docs/data-model.md"));
        assertThat(page).contains(unindented);
        assertThat(List.of(page.split("```java")).size()).isGreaterThan(1);
    }
}
