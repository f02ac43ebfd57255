package eu.riscale.modelhub.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the heap of a tiled 4096x4096 float32 prediction (100 blocks, about two minutes on two cores). Not part of
 * the normal run: {@code ./mvnw -o -pl modelhub-core test -Dtest=MemoryFootprintTest -Dmodelhub.memory=true
 * -DargLine=-Xmx320m}. See docs/inference.md for the numbers.
 */
@EnabledIfSystemProperty(named = "modelhub.memory", matches = "true")
class MemoryFootprintTest {
    @Test
    void tiled4096ImageStaysWithinAFewImageSizes() throws Exception {
        Path dir = Conformance.model("unet2d_nuclei_broad");
        ModelDescr model = Descriptions.read(dir.resolve("bioimageio.yaml"));
        int size = 4096;
        float[] data = new float[size * size];
        Random random = new Random(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 255;
        }
        Tensor image = Tensor.of(data, new int[] {1, 1, size, size}, List.of("batch", "channel", "y", "x"));
        data = null;
        long imageBytes = 4L * size * size;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peakLive = {0};
        PredictionOptions options = PredictionOptions.of(b -> b.progress((done, total) -> {
            if (done % 10 == 0 || done == total) {
                System.gc();
                peakLive[0] = Math.max(peakLive[0], memory.getHeapMemoryUsage().getUsed());
            }
        }));
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        Tensor out;
        try (PredictionPipeline p = PredictionPipeline.create(model, dir, options)) {
            out = p.predict(Map.of("raw", image)).get("probability");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(out.shape()).containsExactly(1, 1, size, size);
        long maxHeap = Runtime.getRuntime().maxMemory();
        long poolPeaks = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("sum of heap pool peaks (including garbage) %d MiB%n", poolPeaks >> 20);
        System.out.printf(
                "4096x4096 float32 (%d MiB): baseline heap %d MiB, peak live heap at block boundaries %d MiB"
                        + " (%.1f image sizes), max heap %d MiB, %.0f s%n",
                imageBytes >> 20,
                baseline >> 20,
                peakLive[0] >> 20,
                (double) peakLive[0] / imageBytes,
                maxHeap >> 20,
                seconds);
        assertThat(peakLive[0]).isLessThan(6 * imageBytes);
    }
}
