package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.LoadedModel;
import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The SDK as a consumer gets it: through the BOM, with the ONNX engine only, from the installed artifacts. */
class FirstModelTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("example.model"));
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");

    @Test
    void format04PackageLoadsInOneCallAndReproducesItsTestOutput() throws Exception {
        try (LoadedModel model = LoadedModel.open(EXAMPLE.resolve("v0_4.bioimageio.yaml"))) {
            assertEquals("0.4.10", model.declaredFormatVersion());
            assertTrue(model.converted());
            assertEquals(WeightsFormat.ONNX, model.weightsFormat());
            assertClose(model.predict(Npy.read(EXAMPLE.resolve("test_input.npy"), AXES)));
        }
    }

    @Test
    void format05ZipLoadsInOneCallAndReproducesItsTestOutput() throws Exception {
        Path zip = zip(EXAMPLE, Path.of("target/unet2d-nuclei.zip"));
        try (LoadedModel model = LoadedModel.open(zip)) {
            assertEquals("0.5.7", model.declaredFormatVersion());
            assertTrue(model.notes().isEmpty());
            float[] pixels = Npy.read(EXAMPLE.resolve("test_input.npy"), AXES).toFloatArray();
            assertClose(model.predict(pixels, new int[] {512, 512}, List.of("y", "x")));
        }
        assertEquals("UNet2D nuclei example", Descriptions.read(zip).name());
    }

    @Test
    void firstProgramRuns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, "UTF-8"));
        try {
            FirstModel.main(new String[] {EXAMPLE.resolve("v0_4.bioimageio.yaml").toString()});
        } finally {
            System.setOut(old);
        }
        String printed = out.toString("UTF-8");
        assertTrue(printed.startsWith("UNet2D nuclei example, format 0.4.10\n"), printed);
        assertTrue(printed.contains("output [batch, channel, y, x] [1, 1, 512, 512]"), printed);
    }

    private static void assertClose(Tensor actual) throws IOException {
        Tensor expected = Npy.read(EXAMPLE.resolve("test_output.npy"), AXES);
        assertEquals(expected.axes(), actual.axes());
        assertArrayEquals(expected.shape(), actual.shape());
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - e[i]) > 1e-4 + 1e-3 * Math.abs(e[i])) {
                throw new AssertionError("element " + i + ": " + a[i] + ", expected " + e[i]);
            }
        }
    }

    private static Path zip(Path folder, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith("v0_4")).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return target;
    }
}
