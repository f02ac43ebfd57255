package example.internal;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import java.util.List;

/** Tries to write into an immutable tensor through its backing array: must not compile (package not exported). */
public class ReachesInside {
    public static void main(String[] args) {
        Tensor t = Tensor.of(new float[] {1, 2}, new int[] {2}, List.of("x"));
        ((float[]) Storage.data(t))[0] = 42;
    }
}
