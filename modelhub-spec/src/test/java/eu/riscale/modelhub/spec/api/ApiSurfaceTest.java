package eu.riscale.modelhub.spec.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of modelhub-spec equals the reviewed copy src/api/api.txt (docs/api.md). */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void publicApiIsTheReviewedOne() throws Exception {
        ApiSurface.check("eu.riscale.modelhub.spec", ApiSurface.of(CLASSES), Path.of("src/api/api.txt"));
    }

    @Test
    void everyPackageIsExportedAndNoneIsInternal() throws Exception {
        assertThat(ApiSurface.exportedToAll(ApiSurface.descriptor(CLASSES)))
                .contains("eu.riscale.modelhub.spec", "eu.riscale.modelhub.spec.validation")
                .noneMatch(p -> p.contains(".internal"));
    }

    @Test
    void noJacksonTypeInThePublicApi() throws Exception {
        assertThat(ApiSurface.of(CLASSES)).noneMatch(l -> l.contains("tools.jackson.") || l.contains("ai.djl."));
    }
}
