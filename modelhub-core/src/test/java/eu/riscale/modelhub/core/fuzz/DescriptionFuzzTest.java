package eu.riscale.modelhub.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the YAML loader and the binder: any bytes give a {@link LoadResult} (a model or problems), never an exception
 * other than the documented {@link IOException}, never a hang or an out-of-memory error. See docs/security.md for the
 * long run; the seed corpus is in {@code src/test/resources/.../DescriptionFuzzTestInputs}.
 */
class DescriptionFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void loadNeverThrowsForBadContent(byte[] yaml) throws IOException {
        LoadResult result = Descriptions.load(new ByteArrayInputStream(yaml), "fuzz.yaml");
        if (result.model() == null && result.errors().isEmpty()) {
            throw new AssertionError("neither a model nor an error for " + yaml.length + " bytes");
        }
    }
}
