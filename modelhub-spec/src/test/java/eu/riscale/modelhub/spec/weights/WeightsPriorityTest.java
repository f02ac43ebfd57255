package eu.riscale.modelhub.spec.weights;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.OutputAxis;
import eu.riscale.modelhub.spec.axis.SizeReference;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.SpaceOutputAxisWithHalo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour every caller needs lives on the spec types: the weights order, an axis's size, scale and halo. */
class WeightsPriorityTest {
    @Test
    void entriesFollowThePriorityOrderTorchScriptFirst() {
        WeightsDescr w = new WeightsDescr(
                new KerasHdf5WeightsDescr("k.h5", null, List.of(), null, "", "2.15"),
                new OnnxWeightsDescr("m.onnx", null, List.of(), WeightsFormat.TORCHSCRIPT, "", 15, null),
                null,
                null,
                null,
                new TorchscriptWeightsDescr("m.pt", null, List.of(), null, "", "2.1"));
        assertThat(w.formats())
                .containsExactly(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX, WeightsFormat.KERAS_HDF5);
        assertThat(w.entries()).extracting(WeightsEntryDescr::source).containsExactly("m.pt", "m.onnx", "k.h5");
        assertThat(w.entry(WeightsFormat.PYTORCH_STATE_DICT)).isNull();
        assertThat(WeightsDescr.PRIORITY).containsExactlyInAnyOrder(WeightsFormat.values());
        assertThat(WeightsDescr.PRIORITY.get(0)).isEqualTo(WeightsFormat.TORCHSCRIPT);
        assertThat(Arrays.stream(WeightsFormat.values()).filter(f -> w.entry(f) != null))
                .containsExactlyInAnyOrderElementsOf(w.formats());
    }

    @Test
    void axesKnowTheirSizeScaleAndHalo() {
        SpaceInputAxis x =
                SpaceInputAxis.builder().size(FixedSize.of(64)).scale(0.5).build();
        assertThat(x.inputSize()).isEqualTo(FixedSize.of(64));
        assertThat(x.scale()).isEqualTo(0.5);
        OutputAxis halo = new SpaceOutputAxisWithHalo(8, new SizeReference("in", "x", 0), "x", "", null, 2.0);
        assertThat(halo.halo()).isEqualTo(8);
        assertThat(halo.scale()).isEqualTo(2.0);
        assertThat(halo.outputSize()).isEqualTo(new SizeReference("in", "x", 0));
        OutputAxis batch = BatchAxis.of();
        assertThat(batch.halo()).isZero();
        assertThat(batch.scale()).isEqualTo(1.0);
        assertThat(batch.outputSize()).isNull();
        assertThat(new ChannelAxis("channel", "", List.of("a")).inputSize()).isNull();
    }
}
