package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    /** FIPS 180-2, appendix B.1: the digest of "abc". */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesBytesStreamsAndFilesAlike(@TempDir Path dir) throws Exception {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("abc.txt"), abc);
        assertThat(Sha256.of(abc).hex()).isEqualTo(ABC);
        assertThat(Sha256.of(new ByteArrayInputStream(abc)).hex()).isEqualTo(ABC);
        assertThat(Sha256.of(file).hex()).isEqualTo(ABC);
    }

    @Test
    void parsesDeclaredValuesTheWayDescriptionsWriteThem() {
        assertThat(Sha256.parse("  " + ABC.toUpperCase() + "\n")).isEqualTo(new Sha256(ABC));
        assertThat(Sha256.parse(ABC)).hasToString(ABC);
    }

    @Test
    void refusesMalformedValuesNamingThem() {
        assertThatThrownBy(() -> Sha256.parse("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sha256 must be 64 lower-case hex digits, found 'abc'");
        assertThatThrownBy(() -> Sha256.parse(ABC.replace('a', 'g'))).hasMessageContaining("64 lower-case hex");
    }
}
