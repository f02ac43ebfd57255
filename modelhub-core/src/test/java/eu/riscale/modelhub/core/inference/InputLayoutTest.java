package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Block shapes, halos and segments, without running a network. */
class InputLayoutTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");

    private static Map<String, Tensor> pair(int h, int w) {
        Tensor t = Tensor.zeros(DType.FLOAT32, new int[] {1, 1, h, w}, AXES);
        return Map.of("input0", t, "input1", t);
    }

    private static ModelDescr multi() throws Exception {
        return Descriptions.read(Conformance.model("unet2d_multi_tensor").resolve("bioimageio.yaml"));
    }

    @Test
    void autoPicksTheLargestSizeParameterWithinTheBudget() throws Exception {
        InputLayout layout = new InputLayout(multi());
        // two float32 inputs of 96x96 are 73728 bytes: n = 4 (32 + 4 * 16 = 96)
        Map<String, int[]> shapes = layout.blockShapes(pair(256, 256), Tiling.auto(), 73728);
        assertThat(shapes.get("input0")).containsExactly(1, 1, 96, 96);
        assertThat(shapes.get("input1")).containsExactly(1, 1, 96, 96);
        // a generous budget: the smallest valid size covering the sample
        assertThat(layout.blockShapes(pair(250, 100), Tiling.auto(), 1L << 30).get("input0"))
                .containsExactly(1, 1, 256, 112);
    }

    @Test
    void sizeParameterAndExplicitShapes() throws Exception {
        InputLayout layout = new InputLayout(multi());
        assertThat(layout.blockShapes(pair(256, 256), Tiling.sizeParameter(2), 1)
                        .get("input1"))
                .containsExactly(1, 1, 64, 64);
        assertThat(layout.blockShapes(pair(250, 96), Tiling.blockShape(Map.of("y", 128)), 1)
                        .get("input0"))
                .containsExactly(1, 1, 128, 96);
    }

    @Test
    void inputHaloComesFromOutputHaloAndScale() throws Exception {
        InputLayout layout = new InputLayout(TilingTest.multiTensorWithHalo(16));
        assertThat(layout.halo())
                .isEqualTo(Map.of("input0", Map.of("y", 16, "x", 16), "input1", Map.of("y", 16, "x", 16)));
        ModelDescr nuclei =
                Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
        assertThat(new InputLayout(nuclei).halo(("raw"), "y")).isEqualTo(32);
    }

    @Test
    void segmentsFollowTheReferenceSplit() {
        // inner 448: blocks at 0, 448, 896, 1344 and the last shifted back to end at 2048
        assertThat(Segment.split(2048, 512, 32))
                .extracting(Segment::innerStart)
                .containsExactly(0, 448, 896, 1344, 1600);
        assertThat(Segment.split(2048, 512, 32).get(4)).isEqualTo(new Segment(1600, 2048, 1568, 512));
        // inner regions do not overlap (so blocks stitch in any order): the block before the shifted last one
        // contributes up to the last one's start, which is what writing them in order leaves
        assertThat(Segment.split(2048, 512, 32).get(3)).isEqualTo(new Segment(1344, 1600, 1312, 512));
        // smaller than one inner region: one block starting halo before the sample
        assertThat(Segment.split(300, 512, 32)).containsExactly(new Segment(0, 300, -32, 512));
        assertThat(Segment.split(512, 512, 0)).containsExactly(new Segment(0, 512, 0, 512));
    }
}
