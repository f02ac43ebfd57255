package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunsTest {
    private static Tensor ramp(int channels, int length) {
        float[] v = new float[channels * length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 1000) / 1000f;
        }
        return Tensor.of(v, new int[] {channels, length}, List.of("channel", "x"));
    }

    /** Runs of one channel are cut into the fewest equal pieces of at most 8192 elements, unless that is impossible. */
    @ParameterizedTest(name = "{0} channels of {1}: pieces of {2}")
    @CsvSource({"2, 16384, 8192", "3, 15000, 7500", "1, 24576, 8192", "2, 10007, 10007", "4, 100, 100"})
    void everyElementGetsTheParameterOfItsChannelWhenLongRunsAreCut(int channels, int length, int piece) {
        Tensor x = ramp(channels, length);
        Runs runs = Runs.along(x, "channel", channels, "test");
        assertThat(runs.inner).isEqualTo(piece);
        for (int i = 0; i < x.size(); i++) {
            assertThat(runs.index[i / runs.inner]).as("element %d", i).isEqualTo(i / length);
        }
    }

    @ParameterizedTest(name = "{0} channels of {1}")
    @CsvSource({"2, 16384", "3, 15000", "2, 10007"})
    void scaleLinearAlongTheChannelMatchesTheFormulaOnLongChannels(int channels, int length) {
        Tensor x = ramp(channels, length);
        double[] gain = {2, -3, 0.5, 4};
        double[] offset = {1, 0.25, -1, 0};
        Tensor y = ScaleLinear.alongAxis(
                        "channel", java.util.Arrays.copyOf(gain, channels), java.util.Arrays.copyOf(offset, channels))
                .apply(x, "x", Statistics.of(java.util.Map.of()));
        double[] in = x.toDoubleArray();
        double[] out = y.toDoubleArray();
        for (int i = 0; i < in.length; i++) {
            int c = i / length;
            // numpy: float32 x times a float64 parameter vector gives float64; the SDK rounds to float32
            assertThat(out[i]).as("element %d", i).isEqualTo((double) (float) (in[i] * gain[c] + offset[c]));
        }
    }
}
