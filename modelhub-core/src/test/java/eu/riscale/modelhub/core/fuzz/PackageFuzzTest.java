package eu.riscale.modelhub.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.PackagePath;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.resource.ZipRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the zip package reader: any bytes as a {@code .zip} either open as a package whose description and entries
 * can be read under the limits, or fail with an {@link IOException} naming the problem; never another exception, a
 * hang, or inflating past the limits. Also the inspection of archives handed to engines ({@link ZipRoot#inspect}).
 */
class PackageFuzzTest {
    private static final ResourceSettings LIMITS = ResourceSettings.builder()
            .offline(true)
            .maxZipEntryBytes(16L << 20)
            .maxZipTotalBytes(64L << 20)
            .maxZipEntries(1000)
            .build();

    @FuzzTest(maxDuration = "10s")
    void openAndReadEveryEntry(byte[] zip) throws IOException {
        Path file = Files.createTempFile("modelhub-fuzz-", ".zip");
        try {
            Files.write(file, zip);
            read(file);
            try {
                ZipRoot.inspect(file, "fuzz.pt", LIMITS);
            } catch (IOException expected) {
                // refused with a message: fine
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void read(Path file) {
        try (ResourceRoot root = ResourceRoot.open(
                file, LIMITS.with(b -> b.cacheDir(file.resolveSibling(file.getFileName() + ".cache"))))) {
            root.readDescription();
            if (root instanceof ZipRoot z) {
                byte[] buffer = new byte[8192];
                for (PackagePath p : z.entries()) {
                    FileSource f = root.resolve(p.value());
                    try (InputStream in = f.open()) {
                        while (in.read(buffer) > 0) {
                            // drain under the limits
                        }
                    } catch (IOException expected) {
                        // a damaged or refused entry: fine
                    }
                }
            }
        } catch (IOException expected) {
            // refused with a message: fine
        }
    }
}
