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
                .allSatisfy(e -> assertThat(e.targets()).containsExactly("eu.riscale.modelhub.cli"));
    }

    @Test
    void noJacksonOrDjlTypeInThePublicApi() throws Exception {
        // SummaryJson.tree() (core.testing) is changed on the branch that owns that package (issue 16)
        List<String> leaks = ApiSurface.of(CLASSES).stream()
                .filter(l -> l.contains("tools.jackson.") || l.contains("ai.djl."))
                .filter(l -> !l.startsWith("eu.riscale.modelhub.core.testing.SummaryJson :"))
                .toList();
        assertThat(leaks).isEmpty();
    }
}
