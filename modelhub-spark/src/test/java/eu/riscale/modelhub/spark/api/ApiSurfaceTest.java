package eu.riscale.modelhub.spark.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.api.ApiSurface;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public API of modelhub-spark (one package; the module runs on the class path, as Spark does, so it has no module
 * descriptor): the reviewed copy src/api/api.txt (docs/api.md), no internal core type.
 */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Set<String> API = Set.of("eu.riscale.modelhub.spark");

    @Test
    void publicApiIsTheReviewedOne() throws Exception {
        ApiSurface.check("eu.riscale.modelhub.spark", ApiSurface.of(CLASSES, API), Path.of("src/api/api.txt"));
    }

    @Test
    void noInternalJacksonOrDjlTypeInThePublicApi() throws Exception {
        assertThat(ApiSurface.of(CLASSES, API))
                .noneMatch(l -> l.contains(".internal.") || l.contains("tools.jackson.") || l.contains("ai.djl."));
    }
}
