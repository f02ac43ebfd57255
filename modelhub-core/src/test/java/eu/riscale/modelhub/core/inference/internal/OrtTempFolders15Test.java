package eu.riscale.modelhub.core.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 (8e): an ONNX prediction must not leave an empty {@code onnxruntime-java*} folder in {@code java.io.tmpdir}.
 * ONNX Runtime creates that folder when it starts, in a JVM whose temporary folder is fixed at start, so the
 * prediction runs in a child JVM with {@code -Djava.io.tmpdir} set to a fresh folder.
 */
class OrtTempFolders15Test {
    @TempDir
    Path tmp;

    /** Runs one ONNX prediction of the nuclei model on zeros, then exits. */
    public static void main(String[] args) throws Exception {
        Path weights = Path.of(args[0]);
        ByteBuffer zeros = ByteBuffer.allocate(512 * 512 * 4).order(ByteOrder.LITTLE_ENDIAN);
        try (DjlRunner runner = DjlRunner.load(weights, NativeEngine.ONNX_RUNTIME, false)) {
            List<NativeArray> out =
                    runner.predict(List.of(new NativeArray(DType.FLOAT32, new long[] {1, 1, 512, 512}, zeros)));
            System.out.println("shape " + java.util.Arrays.toString(out.get(0).shape()));
        }
    }

    @Test
    void anOnnxPredictionLeavesNoFolderInTheTemporaryFolder() throws Exception {
        Path weights = Conformance.model("unet2d_nuclei_broad").resolve("weights.onnx");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path cache = tmp.resolve("djl-cache");
        Path log = tmp.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djava.io.tmpdir=" + javaTmp,
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrtTempFolders15Test.class.getName(),
                        weights.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DJL_CACHE_DIR", cache.toString());
        pb.environment().remove("ENGINE_CACHE_DIR");
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("shape [1, 1, 512, 512]");
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertThat(left.map(f -> f.getFileName().toString()))
                    .as(output)
                    .noneMatch(n -> n.startsWith("onnxruntime-java"));
        }
        // the natives are staged once in DJL's engine cache instead, without partial files
        try (Stream<Path> staged = Files.walk(cache)) {
            List<String> names = staged.map(f -> f.getFileName().toString()).toList();
            assertThat(names)
                    .contains(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
            assertThat(names).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void stagedLibrariesAreReusedAndATamperedOneIsReplaced() throws Exception {
        ClassLoader loader = OrtNatives.class.getClassLoader();
        Path cache = tmp.resolve("cache");
        Path dir = OrtNatives.stage(cache, loader);
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "no bundled ONNX Runtime natives for this platform");
        Path lib = dir.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        byte[] original = Files.readAllBytes(lib);
        assertThat(OrtNatives.stage(cache, loader)).isEqualTo(dir);
        Files.write(lib, new byte[] {1, 2, 3});
        assertThat(OrtNatives.stage(cache, loader)).isEqualTo(dir);
        assertThat(Files.readAllBytes(lib)).isEqualTo(original);
        assertThat(new File(dir.toString()).list()).noneMatch(n -> n.endsWith(".part"));
    }
}
