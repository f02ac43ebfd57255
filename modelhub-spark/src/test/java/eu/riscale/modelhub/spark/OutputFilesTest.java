package eu.riscale.modelhub.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFilesTest {
    private final OutputFiles files = OutputFiles.of("out/{sample_id}_{output_id}.npy", 2);

    @Test
    void idsFillThePattern() {
        assertThat(files.file("cells-01", "mask")).isEqualTo(Path.of("out/cells-01_mask.npy"));
        assertThat(files.npy()).isTrue();
    }

    @Test
    void idsThatAreNotPlainFileNamesAreRefusedByCoresRule() {
        // ':' and control characters were accepted before the rule was shared with core's TargetPaths
        for (String id : List.of("../x", "a/b", "a\\b", "..", "", "c:x", "line\nbreak")) {
            assertThatThrownBy(() -> files.file(id, "mask"))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(from sample_id) cannot be a file name");
            assertThatThrownBy(() -> files.file("s", id))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(from output id) cannot be a file name");
        }
    }

    @Test
    void aPatternWithoutTheSampleIdOrWithAnUnknownExtensionIsRefused() {
        assertThatThrownBy(() -> OutputFiles.of("out/x.npy", 1)).hasMessageContaining("expected {sample_id} in it");
        assertThatThrownBy(() -> OutputFiles.of("out/{sample_id}.npy", 2))
                .hasMessageContaining("expected {output_id} in it");
        assertThatThrownBy(() -> OutputFiles.of("out/{sample_id}.jpg", 1)).hasMessageContaining("end in .npy");
    }
}
