package eu.riscale.modelhub.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the {@code .npy} reader: any bytes give a tensor or an {@link IOException} (a {@code NpyFormatException} for
 * a bad header), never another exception, a hang or an allocation the bytes do not justify.
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void readGivesATensorOrAnIoException(byte[] npy) {
        try {
            Tensor t = Npy.read(new ByteArrayInputStream(npy), "fuzz.npy");
            if (t.size() < 0) {
                throw new AssertionError("negative size");
            }
        } catch (IOException expected) {
            // refused with a message: fine
        }
    }
}
