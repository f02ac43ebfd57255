package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.validation.SourceReport;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxis;
import eu.riscale.modelhub.spec.op.SoftmaxDescr;
import eu.riscale.modelhub.spec.op.ZeroMeanUnitVarianceDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-letter axis ids are normalised as the reference's {@code AxisId} does ({@code b t i c} become
 * {@code batch time index channel}, with a warning), wherever an axis id is read; a non-batch axis then may not be
 * {@code b} (issue 14).
 */
class AxisIdNormalizationTest {
    private static final String SHORT_IDS = """
            format_version: 0.5.4
            type: model
            name: short ids
            inputs:
              - id: raw
                axes:
                  - type: batch
                    id: b
                  - type: channel
                    id: c
                    channel_names: [r, g]
                  - type: time
                    id: t
                    size: 8
                  - type: space
                    id: x
                    size: 64
                preprocessing:
                  - id: zero_mean_unit_variance
                    kwargs: {axes: [b, x]}
            outputs:
              - id: out
                axes:
                  - type: batch
                  - type: channel
                    channel_names: [p, q]
                  - type: space
                    id: x
                    size: {tensor_id: raw, axis_id: t}
                postprocessing:
                  - id: softmax
                    kwargs: {axis: c}
            weights:
              torchscript:
                source: weights.pt
                pytorch_version: 2.5.1
            """;

    private static LoadResult load(String yaml) throws Exception {
        return Descriptions.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rdf.yaml");
    }

    @Test
    void everyPlaceThatNamesAnAxisReadsTheFullId() throws Exception {
        ModelDescr m = load(SHORT_IDS).requireModel();
        assertThat(m.inputs().get(0).axes()).extracting(Axis::id).containsExactly("batch", "channel", "time", "x");
        var size = ((SpaceOutputAxis) m.outputs().get(0).axes().get(2)).size();
        assertThat(size).isEqualTo(new SizeReference("raw", "time", 0));
        assertThat(((ZeroMeanUnitVarianceDescr)
                                m.inputs().get(0).preprocessing().get(0))
                        .kwargs()
                        .axes())
                .containsExactly("batch", "x");
        assertThat(((SoftmaxDescr) m.outputs().get(0).postprocessing().get(0))
                        .kwargs()
                        .axis())
                .isEqualTo("channel");
        // written back in full
        assertThat(Descriptions.toYaml(m)).doesNotContain("id: b\n").contains("axis_id: time");
    }

    @Test
    void eachNormalizationIsAWarningAtItsLocation() throws Exception {
        LoadResult loaded = load(SHORT_IDS);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.warnings()).allMatch(w -> !w.isError());
        assertThat(loaded.warnings())
                .extracting(Diagnostic::loc, Diagnostic::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "inputs.0.axes.0.id", "Normalized axis id from 'b' to 'batch'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "inputs.0.axes.1.id", "Normalized axis id from 'c' to 'channel'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "inputs.0.axes.2.id", "Normalized axis id from 't' to 'time'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "inputs.0.preprocessing.0.kwargs.axes.0", "Normalized axis id from 'b' to 'batch'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "outputs.0.axes.2.size.axis_id", "Normalized axis id from 't' to 'time'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "outputs.0.postprocessing.0.kwargs.axis", "Normalized axis id from 'c' to 'channel'"));
        SourceReport report = SourceValidation.validateFormat(SHORT_IDS.getBytes(StandardCharsets.UTF_8), "rdf.yaml");
        assertThat(report.status()).isEqualTo(SourceReport.Status.VALID);
        assertThat(report.issues()).extracting(Diagnostic::loc).contains("inputs.0.axes.0.id");
    }

    @Test
    void fullIdsGiveNoWarning() throws Exception {
        assertThat(load(BadInputTest.VALID).warnings()).isEmpty();
    }

    @Test
    void bOnANonBatchAxisIsABatchIdAndAnError() {
        DescriptionException e = BadInputTest.failure(BadInputTest.VALID.replace(
                "      - type: space\n        id: x\n        size: 64",
                "      - type: space\n        id: b\n        size: 64"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("inputs.0.axes.1.id");
            assertThat(p.message()).contains("'batch'").contains("'b'");
        });
        DescriptionException full = BadInputTest.failure(BadInputTest.VALID.replace(
                "      - type: space\n        id: x\n        size: 64",
                "      - type: space\n        id: batch\n        size: 64"));
        assertThat(BadInputTest.locs(full)).containsExactly("inputs.0.axes.1.id");
        // a channel axis too
        DescriptionException channel = BadInputTest.failure(SHORT_IDS.replace("id: c\n", "id: b\n"));
        assertThat(BadInputTest.locs(channel)).containsExactly("inputs.0.axes.1.id");
    }

    @Test
    void cAndChannelInOneTensorAreDuplicates() {
        String yaml = SHORT_IDS.replace(
                "      - type: time\n        id: t\n",
                "      - type: channel\n        channel_names: [s]\n      - type: time\n        id: t\n");
        assertThat(yaml).isNotEqualTo(SHORT_IDS);
        SourceReport report = SourceValidation.validateFormat(yaml.getBytes(StandardCharsets.UTF_8), "rdf.yaml");
        List<Diagnostic> errors =
                report.issues().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).anySatisfy(d -> {
            assertThat(d.loc()).isEqualTo("inputs.0.axes.2.id");
            assertThat(d.message()).contains("Duplicate axis id 'channel'");
        });
    }
}
