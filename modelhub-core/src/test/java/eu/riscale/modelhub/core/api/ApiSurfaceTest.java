package eu.riscale.modelhub.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.api.ApiSurface;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API of modelhub-core: the reviewed copy src/api/api.txt, no internal package, no Jackson or DJL type. */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void publicApiIsTheReviewedOne() throws Exception {
        ApiSurface.check("eu.riscale.modelhub.core", ApiSurface.of(CLASSES), Path.of("src/api/api.txt"));
    }

    @Test
    void internalPackagesAreExportedToTheCommandLineAtMost() throws Exception {
        ModuleDescriptor module = ApiSurface.descriptor(CLASSES);
        assertThat(ApiSurface.exportedToAll(module))
                .contains("eu.riscale.modelhub.core.inference", "eu.riscale.modelhub.core.tensor")
                .noneMatch(p -> p.contains(".internal") || p.contains(".codec") || p.endsWith(".format"));
        assertThat(module.exports())
                .filteredOn(ModuleDescriptor.Exports::isQualified)
                .allSatisfy(e ->
                        assertThat(e.targets()).isSubsetOf("eu.riscale.modelhub.cli", "eu.riscale.modelhub.imglib2"));
    }

    @Test
    void noJacksonOrDjlTypeInThePublicApi() throws Exception {
        List<String> leaks = ApiSurface.of(CLASSES).stream()
                .filter(l -> l.contains("tools.jackson.") || l.contains("ai.djl."))
                .toList();
        assertThat(leaks).isEmpty();
    }
}
