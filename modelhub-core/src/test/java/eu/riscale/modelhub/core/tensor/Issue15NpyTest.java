package eu.riscale.modelhub.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 15, item 8: a zero-size array with huge dimensions gets a message about its shape, not "integer overflow". */
class Issue15NpyTest {
    private static byte[] npy(String dict) {
        String header = dict + " ".repeat(Math.max(0, 117 - dict.length())) + "\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) h.length);
        b.put(h);
        return b.array();
    }

    @Test
    void aZeroSizeArrayWithADimensionBeyondAnIntIsRefusedNamingTheDimension() {
        byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3000000000), }");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(file), "empty.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("empty.npy")
                .hasMessageContaining("shape[1]: found 3000000000, more than " + Tensor.MAX_ELEMENTS + " elements")
                .hasMessageNotContaining("integer overflow");
    }

    @Test
    void aZeroSizeArrayWhoseOtherSizesOverflowTheStridesIsRefused() {
        byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 100000, 100000), }");
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(file), "empty.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("shape [0, 100000, 100000]: the sizes multiply to more than "
                        + Tensor.MAX_ELEMENTS + " elements (leaving out the 0, whose strides they give)")
                .hasMessageNotContaining("integer overflow");
    }

    @Test
    void aZeroSizeArrayOfOrdinarySizesStillReads() throws Exception {
        byte[] file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 3, 4), }");
        Tensor t = Npy.read(new ByteArrayInputStream(file), "empty.npy");
        assertThat(t.shape()).containsExactly(0, 3, 4);
        assertThat(t.size()).isZero();
    }
}
