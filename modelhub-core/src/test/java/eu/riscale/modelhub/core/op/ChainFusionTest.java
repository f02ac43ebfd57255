package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.stats.SampleStatistics;
import eu.riscale.modelhub.core.stats.Statistics;
import eu.riscale.modelhub.core.tensor.Sample;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A chain runs consecutive elementwise ops in one pass and reuses its own intermediate buffers: the results must be
 * bit-identical to applying the ops one by one, and the caller's tensors must stay untouched.
 */
class ChainFusionTest {
    private static final List<String> AXES = List.of("batch", "channel", "y", "x");
    /** More elements than the parallel threshold, not a multiple of the block length, runs that straddle blocks. */
    private static final int[] SHAPE = {1, 3, 251, 397};

    private static Tensor randomFloat(long seed, boolean withSpecials) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 4 - 1.5);
        }
        if (withSpecials) {
            for (int i = 0; i < n; i += 997) {
                v[i] = i % 3 == 0 ? Float.NaN : i % 3 == 1 ? Float.POSITIVE_INFINITY : 0.5f;
            }
        }
        return Tensor.of(v, SHAPE, AXES);
    }

    private static Tensor randomUint8(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = SHAPE[0] * SHAPE[1] * SHAPE[2] * SHAPE[3];
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = (byte) r.nextInt(256);
        }
        return Tensor.of(DType.UINT8, v, SHAPE, AXES);
    }

    /** The ops one after the other, each on the previous op's result, with the statistics of the raw tensor. */
    private static Tensor opByOp(Tensor raw, List<Op> ops) {
        ProcessingChain chain = ProcessingChain.builder().add("raw", ops).build();
        Statistics stats = SampleStatistics.compute(Sample.of(Map.of("raw", raw)), chain.requiredMeasures());
        Tensor t = raw;
        for (Op op : ops) {
            t = op.apply(t, "raw", stats);
        }
        return t;
    }

    private static void assertFusedEqualsOpByOp(Tensor raw, Op... ops) {
        Tensor expected = opByOp(raw, List.of(ops));
        Tensor copy = Tensor.of(raw.dtype(), raw.toArray(), raw.shape(), raw.axes());
        Tensor fused = ProcessingChain.builder()
                .add("raw", ops)
                .build()
                .apply(Sample.of(Map.of("raw", raw)))
                .tensor("raw");
        assertThat(fused.dtype()).isEqualTo(expected.dtype());
        // Tensor.equals compares the storage arrays element by element (floats by their bits)
        assertThat(fused).as(List.of(ops).toString()).isEqualTo(expected);
        assertThat(raw).as("the caller's tensor").isEqualTo(copy);
    }

    private static final Set<String> YX = Set.of("y", "x");

    @Test
    void scaleClipBinarizeInOnePassEqualsOpByOp() {
        assertFusedEqualsOpByOp(
                randomFloat(1, true), ScaleLinear.of(2.5, -0.5), Clip.between(0.1, 0.9), Binarize.of(0.5));
    }

    @Test
    void aTypicalUint8PreprocessingEqualsOpByOp() {
        assertFusedEqualsOpByOp(
                randomUint8(2),
                EnsureDtype.of(DType.FLOAT32),
                ZeroMeanUnitVariance.over(YX),
                ScaleLinear.alongAxis("channel", new double[] {1, 2, 3}, new double[] {0, -1, 0.25}),
                Clip.between(-2, 2),
                EnsureDtype.of(DType.FLOAT32));
    }

    @Test
    void percentileOpsAlongAxisOpsAndACastEqualOpByOp() {
        assertFusedEqualsOpByOp(
                randomFloat(3, false),
                ScaleRange.percentiles(1, 99.8, YX, null),
                Clip.percentiles(5, 95, YX),
                FixedZeroMeanUnitVariance.alongAxis("channel", new double[] {0.1, 0.2, 0.3}, new double[] {1, 2, 3}),
                Sigmoid.of(),
                ScaleLinear.of(255, 0),
                EnsureDtype.of(DType.UINT8));
    }

    @Test
    void opsAroundANonElementwiseOpEqualOpByOp() {
        // softmax ends the first pass; the second pass runs on the chain's own softmax result (in place)
        assertFusedEqualsOpByOp(
                randomFloat(4, true),
                ScaleLinear.of(3, 0),
                Softmax.along("channel"),
                ScaleLinear.of(2, 1),
                Clip.between(1.2, 2.5),
                Binarize.alongAxis("channel", new double[] {1.5, 2, 2.4}),
                EnsureDtype.of(DType.FLOAT32),
                FixedZeroMeanUnitVariance.of(0.5, 0.5));
    }

    @Test
    void integerAndFloat64InputsComputedInFloat64EqualOpByOp() {
        Tensor u8 = randomUint8(5);
        assertFusedEqualsOpByOp(u8, ScaleLinear.of(0.01, -1), Sigmoid.of(), Binarize.of(0.4));
        assertFusedEqualsOpByOp(
                u8.cast(DType.INT16),
                Clip.between(10, 200),
                Binarize.alongAxis("channel", new double[] {50, 100, 150}),
                EnsureDtype.of(DType.UINT8));
        assertFusedEqualsOpByOp(
                randomFloat(6, true).cast(DType.FLOAT64),
                FixedZeroMeanUnitVariance.of(0.2, 0.7),
                Clip.between(-1, 1),
                EnsureDtype.of(DType.FLOAT32),
                Sigmoid.of());
    }

    @Test
    void aPassOverTheChainsOwnResultReusesItsStorageAndTheCallersNever() {
        Tensor x = randomFloat(7, false);
        List<Kernel> ks = ScaleLinear.of(2, 1).kernels(x, DType.FLOAT32, "raw");
        Tensor copy = Tensor.of(x.dtype(), x.toArray(), x.shape(), x.axes());
        Tensor fresh = Pass.run(x, ks, false);
        assertThat(Storage.data(fresh)).isNotSameAs(Storage.data(x));
        assertThat(x).isEqualTo(copy);
        Tensor again = Pass.run(fresh, ks, true);
        assertThat(Storage.data(again)).isSameAs(Storage.data(fresh));
        // a float32 -> bool pass cannot reuse float32 storage
        Tensor bool = Pass.run(fresh, Binarize.of(0).kernels(fresh, DType.FLOAT32, "raw"), true);
        assertThat(Storage.data(bool)).isInstanceOf(byte[].class);
    }

    @Test
    void theCallersTensorsAreNeverModifiedEvenWhenSharedBetweenIds() {
        Tensor x = randomFloat(8, false);
        Tensor copy = Tensor.of(x.dtype(), x.toArray(), x.shape(), x.axes());
        ProcessingChain chain = ProcessingChain.builder()
                // a no-op cast first: the first pass still reads the caller's array
                .add("a", EnsureDtype.of(DType.FLOAT32), ScaleLinear.of(-1, 0), Clip.between(-0.5, 0.5))
                .add("b", Sigmoid.of())
                .add("c", Softmax.along("channel"), ScaleLinear.of(2, 0))
                .build();
        Sample out = chain.apply(Sample.of(Map.of("a", x, "b", x, "c", x, "d", x)));
        assertThat(x).isEqualTo(copy);
        assertThat(out.tensor("d")).isSameAs(x);
        for (String id : List.of("a", "b", "c")) {
            assertThat(Storage.data(out.tensor(id))).as(id).isNotSameAs(Storage.data(x));
        }
        assertThat(out.tensor("a")).isEqualTo(opByOp(x, chain.ops().get("a")));
    }

    @Test
    void recycledResultsBecomeTheStorageOfLaterResultsButNeverTheCallersTensors() {
        Tensor x = randomFloat(9, false);
        Tensor copy = Tensor.of(x.dtype(), x.toArray(), x.shape(), x.axes());
        ProcessingChain chain = ProcessingChain.builder()
                .add("raw", ScaleLinear.of(2, 1), Binarize.of(1.5))
                .add("kept", EnsureDtype.of(DType.FLOAT32))
                .build();
        Sample first = chain.apply(Sample.of(Map.of("raw", x, "kept", x)));
        Object firstStorage = Storage.data(first.tensor("raw"));
        Tensor expected = opByOp(x, chain.ops().get("raw"));
        chain.recycle(first);
        Sample second = chain.apply(Sample.of(Map.of("raw", x, "kept", x)));
        assertThat(Storage.data(second.tensor("raw"))).isSameAs(firstStorage);
        assertThat(second.tensor("raw")).isEqualTo(expected);
        // the passed-through caller's tensor was handed back too, and must not have become a buffer
        chain.recycle(second);
        chain.recycle(second);
        Sample third = chain.apply(Sample.of(Map.of("raw", x, "kept", x)));
        Sample fourth = chain.apply(Sample.of(Map.of("raw", x, "kept", x)));
        assertThat(Storage.data(fourth.tensor("raw")))
                .isNotSameAs(Storage.data(third.tensor("raw")))
                .isNotSameAs(Storage.data(x));
        assertThat(third.tensor("kept")).isSameAs(x);
        assertThat(x).isEqualTo(copy);
        // a result of another chain is not taken
        ProcessingChain other =
                ProcessingChain.builder().add("raw", Binarize.of(0.5)).build();
        other.recycle(third);
        assertThat(Storage.data(other.apply(Sample.of(Map.of("raw", x))).tensor("raw")))
                .isNotSameAs(Storage.data(third.tensor("raw")));
    }
}
