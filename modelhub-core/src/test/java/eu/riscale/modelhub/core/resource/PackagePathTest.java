package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackagePathTest {
    @ParameterizedTest
    @CsvSource({
        "weights.pt, weights.pt",
        "./weights.pt, weights.pt",
        "data//test_input.npy, data/test_input.npy",
        "data/../weights.pt, weights.pt",
        "a/./b/, a/b",
    })
    void normalisesRelativeReferences(String reference, String expected) throws Exception {
        assertThat(PackagePath.of(reference).value()).isEqualTo(expected);
    }

    @Test
    void refusesReferencesLeavingTheRootNamingThem() {
        assertThatThrownBy(() -> PackagePath.of("../evil.pt"))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessage("file reference '../evil.pt' leaves the package root")
                .extracting(e -> ((UnsafeReferenceException) e).reference())
                .isEqualTo("../evil.pt");
        assertThatThrownBy(() -> PackagePath.of("a/../../evil.pt"))
                .hasMessageContaining("'a/../../evil.pt' leaves the package root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:/Windows/x", "c:x"})
    void refusesAbsolutePaths(String reference) {
        assertThatThrownBy(() -> PackagePath.of(reference))
                .isInstanceOf(UnsafeReferenceException.class)
                .hasMessageContaining("'" + reference + "'")
                .hasMessageContaining("absolute");
    }

    @Test
    void refusesBackslashesControlCharactersAndEmptyNames() {
        assertThatThrownBy(() -> PackagePath.of("..\\evil")).hasMessageContaining("contains '\\'");
        assertThatThrownBy(() -> PackagePath.of("a\u0000b")).hasMessageContaining("control character at index 1");
        assertThatThrownBy(() -> PackagePath.of("")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> PackagePath.of("./")).hasMessageContaining("names the package root");
    }

    @Test
    void constructorAcceptsOnlyNormalisedValues() {
        assertThatThrownBy(() -> new PackagePath("./a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 'a'");
    }

    @Test
    void recognisesDescriptionFileNames() throws Exception {
        assertThat(PackagePath.of("rdf.yaml").isDescriptionName()).isTrue();
        assertThat(PackagePath.of("x/bioimageio.yaml").isDescriptionName()).isTrue();
        assertThat(PackagePath.of("v0_4.bioimageio.yaml").isDescriptionName()).isTrue();
        assertThat(PackagePath.of("environment.yaml").isDescriptionName()).isFalse();
        assertThat(PackagePath.of("a/weights.pt").fileName()).isEqualTo("weights.pt");
    }
}
