package eu.riscale.modelhub.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRootTest {
    @TempDir
    Path dir;

    private ResourceSettings settings() {
        return ResourceSettings.builder().cacheDir(dir.resolve("cache")).build();
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve("pkg").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Test
    void findsRdfYamlAndResolvesReferencesAgainstTheFolder() throws Exception {
        write("rdf.yaml", "name: x\n");
        write("data/w.bin", "weights");
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("pkg"), settings())) {
            assertThat(root).isInstanceOf(FolderRoot.class);
            assertThat(root.description().fileName()).isEqualTo("rdf.yaml");
            assertThat(root.description().open().readAllBytes()).asString().isEqualTo("name: x\n");
            FileSource w = root.resolve("./data/w.bin");
            assertThat(w.exists()).isTrue();
            assertThat(w.size()).isEqualTo(7);
            assertThat(w.sha256()).isEqualTo(Sha256.of("weights".getBytes(StandardCharsets.UTF_8)));
            assertThat(root.resolve("missing.npy").exists()).isFalse();
            assertThatThrownBy(() -> root.resolve("missing.npy").open()).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void prefersTheExactNameOverVariantsAsInTheSpecExampleFolder() throws Exception {
        try (ResourceRoot root =
                ResourceRoot.open(eu.riscale.modelhub.spec.Conformance.model("unet2d_nuclei_broad"), settings())) {
            assertThat(root.description().fileName()).isEqualTo("bioimageio.yaml");
        }
    }

    @Test
    void acceptsASingleSuffixedDescription() throws Exception {
        write("my-model.bioimageio.yaml", "name: x\n");
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("pkg"), settings())) {
            assertThat(root.description().fileName()).isEqualTo("my-model.bioimageio.yaml");
        }
    }

    @Test
    void opensADescriptionFileWithItsFolderAsRoot() throws Exception {
        Path file = write("v0_4.bioimageio.yaml", "name: x\n");
        write("other.bioimageio.yaml", "name: y\n");
        write("weights.pt", "w");
        try (ResourceRoot root = ResourceRoot.open(file, settings())) {
            assertThat(root.description().fileName()).isEqualTo("v0_4.bioimageio.yaml");
            assertThat(root.resolve("weights.pt").exists()).isTrue();
        }
    }

    @Test
    void ambiguousDescriptionsAreAnErrorListingThem() throws Exception {
        write("a.bioimageio.yaml", "");
        write("b.bioimageio.yaml", "");
        assertThatThrownBy(() -> ResourceRoot.open(dir.resolve("pkg"), settings()))
                .isInstanceOf(DescriptionNotFoundException.class)
                .hasMessageContaining("several description files [a.bioimageio.yaml, b.bioimageio.yaml]")
                .satisfies(e -> assertThat(((DescriptionNotFoundException) e).candidates())
                        .containsExactly("a.bioimageio.yaml", "b.bioimageio.yaml"));
        write("rdf.yaml", "");
        write("bioimageio.yaml", "");
        assertThatThrownBy(() -> ResourceRoot.open(dir.resolve("pkg"), settings()))
                .hasMessageContaining("more than one description file: [bioimageio.yaml, rdf.yaml]");
    }

    @Test
    void missingDescriptionIsAnErrorListingTheFiles() throws Exception {
        write("weights.pt", "");
        write("README.md", "");
        assertThatThrownBy(() -> ResourceRoot.open(dir.resolve("pkg"), settings()))
                .isInstanceOf(DescriptionNotFoundException.class)
                .hasMessageEndingWith(
                        "has no description file (rdf.yaml, bioimageio.yaml or *.bioimageio.yaml); found [README.md, weights.pt]");
        assertThatThrownBy(() -> ResourceRoot.open(dir.resolve("nothing-here"), settings()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nothing-here");
    }

    @Test
    void referencesLeavingTheRootOrWithOtherSchemesAreRefused() throws Exception {
        write("rdf.yaml", "");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("pkg"), settings())) {
            assertThatThrownBy(() -> root.resolve("../secret.txt"))
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessage("file reference '../secret.txt' leaves the package root");
            assertThatThrownBy(() -> root.resolve(dir.resolve("secret.txt").toString()))
                    .hasMessageContaining("is absolute");
            assertThatThrownBy(() -> root.resolve("file:///etc/passwd"))
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessage("file reference 'file:///etc/passwd' is not an http or https URL (scheme 'file');"
                            + " only http and https downloads are supported");
            assertThat(root.resolve("https://example.org/w.pt")).isInstanceOf(RemoteFile.class);
        }
    }

    @Test
    void symbolicLinksLeadingOutOfTheFolderAreRefusedWhenRead() throws Exception {
        write("rdf.yaml", "");
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("pkg/link.txt"), secret);
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("pkg"), settings())) {
            FileSource link = root.resolve("link.txt");
            assertThatThrownBy(link::open)
                    .isInstanceOf(UnsafeReferenceException.class)
                    .hasMessageContaining("'link.txt' leads outside the package root");
            assertThatThrownBy(link::sha256).isInstanceOf(UnsafeReferenceException.class);
        }
    }

    @Test
    void verifyNamesExpectedAndActualOnMismatch() throws Exception {
        write("rdf.yaml", "");
        write("w.bin", "abc");
        try (ResourceRoot root = ResourceRoot.open(dir.resolve("pkg"), settings())) {
            Sha256 wrong = Sha256.of(new byte[] {1});
            Sha256 actual = Sha256.of("abc".getBytes(StandardCharsets.UTF_8));
            assertThat(root.resolve("w.bin").verify(null)).isEqualTo(actual);
            assertThat(root.resolve("w.bin").verify(actual)).isEqualTo(actual);
            assertThatThrownBy(() -> root.resolve("w.bin").verify(wrong))
                    .isInstanceOf(Sha256MismatchException.class)
                    .hasMessage("sha256 mismatch for " + dir.resolve("pkg/w.bin") + ": expected " + wrong + ", found "
                            + actual);
        }
    }
}
