package eu.riscale.modelhub.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integer to float casts (the loops without a per-element type switch) at the ends of each integer range. */
class IntegerToFloatCastTest {
    private static final List<String> X = List.of("x");

    @Test
    void eightAndSixteenBitIntegersKeepTheirSignedness() {
        Tensor u8 = Tensor.of(DType.UINT8, new byte[] {0, 1, 127, (byte) 128, (byte) 255}, new int[] {5}, X);
        Tensor i8 = Tensor.of(DType.INT8, new byte[] {0, 1, 127, (byte) 128, (byte) 255}, new int[] {5}, X);
        Tensor u16 = Tensor.of(DType.UINT16, new short[] {0, 1, 32767, (short) 32768, (short) 65535}, new int[] {5}, X);
        Tensor i16 = Tensor.of(DType.INT16, new short[] {0, 1, 32767, (short) 32768, (short) 65535}, new int[] {5}, X);

        assertThat(u8.cast(DType.FLOAT32).toFloatArray()).containsExactly(0f, 1f, 127f, 128f, 255f);
        assertThat(u8.cast(DType.FLOAT64).toDoubleArray()).containsExactly(0, 1, 127, 128, 255);
        assertThat(i8.cast(DType.FLOAT32).toFloatArray()).containsExactly(0f, 1f, 127f, -128f, -1f);
        assertThat(i8.cast(DType.FLOAT64).toDoubleArray()).containsExactly(0, 1, 127, -128, -1);
        assertThat(u16.cast(DType.FLOAT32).toFloatArray()).containsExactly(0f, 1f, 32767f, 32768f, 65535f);
        assertThat(u16.cast(DType.FLOAT64).toDoubleArray()).containsExactly(0, 1, 32767, 32768, 65535);
        assertThat(i16.cast(DType.FLOAT32).toFloatArray()).containsExactly(0f, 1f, 32767f, -32768f, -1f);
        assertThat(i16.cast(DType.FLOAT64).toDoubleArray()).containsExactly(0, 1, 32767, -32768, -1);
    }

    @Test
    void int32ToFloat32RoundsToNearestEvenLikeNumpy() {
        // np.array([16777217, 16777219, 2147483647, -2147483648], np.int32).astype(np.float32)
        // -> [16777216., 16777220., 2147483648., -2147483648.]
        Tensor i32 = Tensor.of(
                DType.INT32, new int[] {16777217, 16777219, Integer.MAX_VALUE, Integer.MIN_VALUE}, new int[] {4}, X);

        assertThat(i32.cast(DType.FLOAT32).toFloatArray())
                .containsExactly(16777216f, 16777220f, 2147483648f, -2147483648f);
        assertThat(i32.cast(DType.FLOAT64).toDoubleArray())
                .containsExactly(16777217, 16777219, 2147483647, -2147483648);
    }
}
