package eu.riscale.modelhub.imglib2.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.api.ApiSurface;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of modelhub-imglib2: the reviewed copy src/api/api.txt (docs/api.md), no internal core type. */
class ApiSurfaceTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void publicApiIsTheReviewedOne() throws Exception {
        ApiSurface.check("eu.riscale.modelhub.imglib2", ApiSurface.of(CLASSES), Path.of("src/api/api.txt"));
    }

    @Test
    void noInternalJacksonOrDjlTypeInThePublicApi() throws Exception {
        assertThat(ApiSurface.of(CLASSES))
                .noneMatch(l -> l.contains(".internal.") || l.contains("tools.jackson.") || l.contains("ai.djl."));
    }
}
