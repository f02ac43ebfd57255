package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soak test (issue 15): many predictions with one engine in one process, the resident set size sampled from {@code
 * /proc/self/status}, asserting that it does not trend upwards (no native leak per call). Off by default; about 0.2 s
 * per 512x512 prediction on two cores:
 *
 * <pre>
 * ./mvnw -B -o -pl modelhub-core -am test -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmodelhub.soak=true -Dmodelhub.soak.count=10000 -Dmodelhub.soak.engines=onnx
 * </pre>
 *
 * {@code modelhub.soak.engines}: the weights formats, comma-separated (default {@code torchscript,onnx}). The input is
 * 512 x 512, the model's fixed size. The figures go to stdout and into docs/performance.md.
 */
@EnabledIfSystemProperty(named = "modelhub.soak", matches = "true")
class SoakTest {
    private static final long MIB = 1024L * 1024L;

    static Stream<WeightsFormat> engines() {
        return Stream.of(System.getProperty("modelhub.soak.engines", "torchscript,onnx")
                        .split(","))
                .map(String::strip)
                .map(id -> WeightsFormat.fromId(id)
                        .orElseThrow(
                                () -> new IllegalArgumentException("modelhub.soak.engines: unknown format " + id)));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void residentMemoryDoesNotGrowOverManyPredictions(WeightsFormat format) throws Exception {
        int count = Integer.getInteger("modelhub.soak.count", 10_000);
        int size = 512; // the model's fixed input size
        Path dir = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        float[] data = new float[size * size];
        Random random = new Random(15);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 255;
        }
        Tensor image = Tensor.of(data, new int[] {1, 1, size, size}, List.of("batch", "channel", "y", "x"));
        PredictionOptions options =
                PredictionOptions.of(b -> b.weightsPriority(List.of(format)).tiling(Tiling.none()));
        int every = Math.max(1, count / 40);
        List<Long> samples = new ArrayList<>();
        long start = System.nanoTime();
        try (PredictionPipeline p = PredictionPipeline.create(model, dir, options)) {
            for (int i = 1; i <= count; i++) {
                p.predict(Map.of("raw", image));
                if (i % every == 0) {
                    samples.add(rss());
                    // a line per sample, so that a run stopped early still shows its trend
                    System.out.printf(
                            "soak %s: %d/%d predictions, %.0f s, RSS %d MiB%n",
                            format.id(),
                            i,
                            count,
                            (System.nanoTime() - start) / 1e9,
                            samples.get(samples.size() - 1) / MIB);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the native allocators' arenas fill for the first thousands of calls and then stay (a plateau, not a leak):
        // the trend that decides is fitted over the second half; the one after the first tenth is printed too
        List<Long> afterWarmUp = samples.subList(samples.size() / 10, samples.size());
        List<Long> secondHalf = samples.subList(samples.size() / 2, samples.size());
        double growth = slope(afterWarmUp) * afterWarmUp.size(); // fitted bytes over those samples
        double late = slope(secondHalf) * secondHalf.size();
        long min = afterWarmUp.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = afterWarmUp.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf(
                "soak %s %dx%d: %d predictions in %.0f s (%.1f ms each); RSS %d..%d MiB after warm-up, fitted growth"
                        + " %.1f MiB after the first tenth, %.1f MiB over the second half; samples (MiB) %s%n",
                format.id(),
                size,
                size,
                count,
                seconds,
                1000 * seconds / count,
                min / MIB,
                max / MIB,
                growth / MIB,
                late / MIB,
                samples.stream().map(b -> b / MIB).toList());
        assertThat(late)
                .as("RSS trend over the second half of %d predictions with %s: samples %s", count, format.id(), samples)
                .isLessThan(Math.max(64.0 * MIB, 0.10 * min));
    }

    private static double slope(List<Long> ys) {
        int n = ys.size();
        double mx = (n - 1) / 2.0;
        double my = ys.stream().mapToLong(Long::longValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - mx) * (ys.get(i) - my);
            den += (i - mx) * (i - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status (the soak test needs Linux)");
    }
}
