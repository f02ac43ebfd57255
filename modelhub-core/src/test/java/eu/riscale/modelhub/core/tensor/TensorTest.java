package eu.riscale.modelhub.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.op.Fixtures;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorTest {
    private static final List<String> YX = List.of("y", "x");

    private static Tensor sixFloats() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, YX);
    }

    @Test
    void copiesInputAndOutputArrays() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, new int[] {2, 3}, YX);
        data[0] = 99;
        t.toFloatArray()[1] = 99;
        assertThat(t.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.size("x")).isEqualTo(3);
        assertThat(t.getDouble(1, 2)).isEqualTo(6);
    }

    @Test
    void transposesToARequestedAxisOrder() {
        Tensor t = sixFloats().transpose(List.of("x", "y"));
        assertThat(t.axes()).containsExactly("x", "y");
        assertThat(t.shape()).containsExactly(3, 2);
        assertThat(t.toFloatArray()).containsExactly(1, 4, 2, 5, 3, 6);
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i;
        }
        Tensor three = Tensor.of(v, new int[] {2, 3, 4}, List.of("a", "b", "c"));
        Tensor p = three.transpose(List.of("c", "a", "b"));
        assertThat(p.getDouble(3, 1, 2)).isEqualTo(three.getDouble(1, 2, 3));
        assertThat(p.transpose(List.of("a", "b", "c"))).isEqualTo(three);
    }

    @Test
    void insertsAndRemovesSingletonAxes() {
        Tensor t = sixFloats().insertAxis(0, "batch").insertAxis(1, "channel");
        assertThat(t.axes()).containsExactly("batch", "channel", "y", "x");
        assertThat(t.shape()).containsExactly(1, 1, 2, 3);
        assertThat(t.removeAxis("batch").removeAxis("channel")).isEqualTo(sixFloats());
        assertThatThrownBy(() -> t.removeAxis("x")).hasMessageContaining("found size 3, expected 1");
        assertThatThrownBy(() -> t.insertAxis(0, "x")).hasMessageContaining("axis id 'x' appears twice");
    }

    @Test
    void crops() {
        Tensor c = sixFloats().crop("x", 1, 3);
        assertThat(c.toFloatArray()).containsExactly(2, 3, 5, 6);
        assertThat(c.shape()).containsExactly(2, 2);
        assertThatThrownBy(() -> sixFloats().crop("x", 2, 4)).hasMessageContaining("expected 0 <= begin <= end <= 3");
        assertThatThrownBy(() -> sixFloats().crop("z", 0, 1)).hasMessageContaining("axis 'z' not found");
    }

    @ParameterizedTest
    @CsvSource({
        "constant,0,4,7", "constant,1,5,2", "constant,1,0,1",
        "edge,0,4,7", "edge,1,5,2", "edge,1,0,1",
        "reflect,0,4,7", "reflect,1,5,2", "reflect,1,0,1",
        "symmetric,0,4,7", "symmetric,1,5,2", "symmetric,1,0,1"
    })
    void padsLikeNumpy(String mode, int axis, int before, int after) throws IOException {
        Path dir = Fixtures.dir("pad");
        Tensor in = Npy.read(dir.resolve("input.npy"), YX);
        Tensor expected = Npy.read(dir.resolve(mode + "_" + axis + "_" + before + "_" + after + ".npy"), YX);
        PadMode m = PadMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        assertThat(in.pad(YX.get(axis), before, after, m, -99)).isEqualTo(expected);
    }

    @Test
    void padsWideInnerRunsWithTheConstant() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7}, new int[] {1, 7}, YX);
        Tensor p = t.pad("y", 1, 2, PadMode.CONSTANT, 9);
        assertThat(p.shape()).containsExactly(4, 7);
        double[] v = p.toDoubleArray();
        for (int i = 0; i < 28; i++) {
            assertThat(v[i]).isEqualTo(i >= 7 && i < 14 ? i - 6 : 9);
        }
    }

    @Test
    void checksShapeDataAndAxes() {
        assertThatThrownBy(() -> Tensor.of(new float[5], new int[] {2, 3}, YX))
                .hasMessageContaining("found 5 elements, expected 6");
        assertThatThrownBy(() -> Tensor.of(new float[6], new int[] {2, 3}, List.of("y")))
                .hasMessageContaining("found 1 axis ids");
        assertThatThrownBy(() -> Tensor.of(DType.UINT8, new float[6], new int[] {2, 3}, YX))
                .hasMessageContaining("found float[], expected byte[] for dtype uint8");
        assertThatThrownBy(() -> Tensor.zeros(DType.FLOAT32, new int[] {65536, 65536}, YX))
                .hasMessageContaining("more elements than the limit of 2147483639");
        assertThatThrownBy(() -> Tensor.zeros(DType.FLOAT32, new int[] {-1, 2}, YX))
                .hasMessageContaining("shape[0]: found -1");
    }

    @Test
    void castsLikeNumpy() {
        Tensor t = Tensor.of(new double[] {-1.9, 1.9, 300.7, -3.7}, new int[] {4}, List.of("x"));
        assertThat((byte[]) t.cast(DType.UINT8).toArray()).containsExactly(-1, 1, 44, -3);
        assertThat(t.cast(DType.UINT8).toDoubleArray()).containsExactly(255, 1, 44, 253);
        assertThat(t.cast(DType.INT16).toDoubleArray()).containsExactly(-1, 1, 300, -3);
        assertThat(t.cast(DType.BOOL).toDoubleArray()).containsExactly(1, 1, 1, 1);
        assertThat(Tensor.of(DType.BOOL, new byte[] {0, 2, -1}, new int[] {3}, List.of("x"))
                        .toDoubleArray())
                .containsExactly(0, 1, 1);
        Tensor u = Tensor.of(DType.UINT64, new long[] {-1L}, new int[] {1}, List.of("x"));
        assertThat(u.toDoubleArray()).containsExactly(18446744073709551615.0);
    }

    @Test
    void convertsFromNestedJavaArrays() {
        Tensor t = Tensor.fromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}, YX);
        assertThat(t).isEqualTo(sixFloats());
        Tensor b = Tensor.fromArray(new boolean[][] {{true, false}}, YX);
        assertThat(b.dtype()).isEqualTo(DType.BOOL);
        assertThat(b.toDoubleArray()).containsExactly(1, 0);
        assertThat(Tensor.fromArray(new long[] {5, 6}, List.of("x")).dtype()).isEqualTo(DType.INT64);
        assertThatThrownBy(() -> Tensor.fromArray(new int[][] {{1, 2}, {3}}, YX))
                .hasMessageContaining("ragged array, found length 1 at depth 1, expected 2");
        assertThatThrownBy(() -> Tensor.fromArray(new Integer[] {1}, List.of("x")))
                .hasMessageContaining("expected a primitive type");
    }
}
