package eu.riscale.modelhub.spec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared conformance material ({@code ../shared/conformance} next to the build's root directory).
 *
 * <p>Tests that need it call {@link #dir()}; when the folder is absent (a checkout without the shared material) they
 * are skipped with a message saying where it was looked for.
 */
public final class Conformance {
    private Conformance() {}

    /** {@return the root directory of the build, from the {@code modelhub.root} system property set by surefire} */
    public static Path buildRoot() {
        String root = System.getProperty("modelhub.root");
        return root == null ? Path.of("").toAbsolutePath() : Path.of(root).toAbsolutePath();
    }

    /** {@return the conformance directory; skips the calling test when it does not exist} */
    public static Path dir() {
        Path dir = buildRoot().resolve("../shared/conformance").normalize();
        assumeTrue(Files.isDirectory(dir), () -> "conformance material not found at " + dir + ", test skipped");
        return dir;
    }

    /** {@return the corpus directory of real descriptions} */
    public static Path corpus() {
        return dir().resolve("corpus");
    }

    /** {@return the directory of one runnable example package, for example {@code unet2d_nuclei_broad}} */
    public static Path model(String name) {
        return dir().resolve("models").resolve(name);
    }
}
