package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsureDtypeTest {
    @Test
    void aTensorOfTheRequestedTypeIsReturnedAsItIsWithoutACopy() {
        Tensor x = Tensor.of(new float[] {1.5f, -2}, new int[] {2}, List.of("x"));

        Tensor y = EnsureDtype.of(DType.FLOAT32).apply(x, "raw", Statistics.empty());

        assertThat(y).isSameAs(x);
    }

    @Test
    void anotherTypeIsCast() {
        Tensor x = Tensor.of(new float[] {1.5f, -2}, new int[] {2}, List.of("x"));

        Tensor y = EnsureDtype.of(DType.INT8).apply(x, "raw", Statistics.empty());

        assertThat(y.dtype()).isEqualTo(DType.INT8);
        assertThat(y.toDoubleArray()).containsExactly(1, -2);
    }
}
