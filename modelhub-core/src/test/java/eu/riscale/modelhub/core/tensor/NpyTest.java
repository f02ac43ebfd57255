package eu.riscale.modelhub.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.op.Fixtures;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir
    Path tmp;

    /** The values the generator wrote: {@code i * 37 - 400} cast like numpy, {@code / 8} for floats, {@code i % 3 == 0}. */
    static Tensor expected(DType dtype) {
        int[] shape = {2, 3, 4};
        List<String> axes = List.of("dim_0", "dim_1", "dim_2");
        if (dtype == DType.BOOL) {
            byte[] b = new byte[24];
            for (int i = 0; i < 24; i++) {
                b[i] = (byte) (i % 3 == 0 ? 1 : 0);
            }
            return Tensor.of(DType.BOOL, b, shape, axes);
        }
        if (dtype.isFloatingPoint()) {
            double[] d = new double[24];
            for (int i = 0; i < 24; i++) {
                d[i] = (i * 37 - 400) / 8.0;
            }
            return Tensor.of(d, shape, axes).cast(dtype);
        }
        long[] l = new long[24];
        for (int i = 0; i < 24; i++) {
            l[i] = i * 37L - 400;
        }
        return Tensor.of(DType.INT64, l, shape, axes).cast(dtype);
    }

    static Stream<Path> npyFixtures() throws IOException {
        return Files.list(Fixtures.dir("npy")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("npyFixtures")
    void readsEveryDtypeByteOrderLayoutAndVersionLikeNumpy(Path file) throws IOException {
        String name = file.getFileName().toString();
        DType dtype = DType.fromId(name.substring(0, name.indexOf('_'))).orElseThrow();
        Tensor t = Npy.read(file);
        assertThat(t).isEqualTo(expected(dtype));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void writesTheBytesNumpyWrites(DType dtype) throws IOException {
        Path out = tmp.resolve("out.npy");
        Npy.write(expected(dtype), out);
        assertThat(Files.readAllBytes(out))
                .isEqualTo(Files.readAllBytes(Fixtures.dir("npy").resolve(dtype.id() + "_le_C_v1.npy")));
        assertThat(Npy.read(out)).isEqualTo(expected(dtype));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripsEveryDtypeIncludingExtremes(DType dtype) throws IOException {
        double[] v = {dtype.min(), dtype.max(), 0, 1};
        Tensor t = Tensor.of(v, new int[] {4, 1}, List.of("a", "b")).cast(dtype);
        Path out = tmp.resolve(dtype + ".npy");
        Npy.write(t, out);
        assertThat(Npy.read(out, List.of("a", "b"))).isEqualTo(t);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Npy.write(t, bytes);
        assertThat(Npy.read(new ByteArrayInputStream(bytes.toByteArray()), "mem")
                        .withAxes(List.of("a", "b")))
                .isEqualTo(t);
    }

    @Test
    void roundTripsScalarsAndEmptyArrays() throws IOException {
        Tensor scalar = Tensor.of(new double[] {2.5}, new int[0], List.of());
        Tensor empty = Tensor.of(new float[0], new int[] {0, 3}, List.of("dim_0", "dim_1"));
        for (Tensor t : List.of(scalar, empty)) {
            Path out = tmp.resolve("t.npy");
            Npy.write(t, out);
            assertThat(Npy.read(out)).isEqualTo(t);
        }
    }

    @Test
    void readsTheConformanceTestInputWithNumpysValues() throws IOException {
        Path file = Conformance.model("unet2d_nuclei_broad").resolve("test_input.npy");
        Tensor t = Npy.read(file, List.of("batch", "channel", "y", "x"));
        // values computed with numpy: a[0,0,0,0], a[0,0,100,200], a[0,0,255,511], a.mean(dtype=float64)
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.shape()).containsExactly(1, 1, 512, 512);
        assertThat(t.getDouble(0, 0, 0, 0)).isEqualTo(145.0);
        assertThat(t.getDouble(0, 0, 100, 200)).isEqualTo(157.0);
        assertThat(t.getDouble(0, 0, 255, 511)).isEqualTo(155.0);
        double sum = 0;
        for (double d : t.toDoubleArray()) {
            sum += d;
        }
        assertThat(sum / t.size()).isCloseTo(256.11497497558594, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static byte[] npy(int major, String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        ByteBuffer b = ByteBuffer.allocate(prefix + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        b.put(h);
        return b.array();
    }

    private Path file(byte[] content) throws IOException {
        Path p = tmp.resolve("bad.npy");
        Files.write(p, content);
        return p;
    }

    @ParameterizedTest
    @CsvSource({
        // sha256 of np.save((np.arange(n) % mod).astype(dtype).reshape(3, 1000, 701)), numpy 2.4
        "float32, 65521, f062a9b5e7747904632a5d8c186d0bfa27ed483303b91783f8113b692f47c099",
        "int16, 32749, 83edf9dad8ce683df7459753211b28004c94b98c7ea974622ca3a92d7b7a8a57",
        "float64, 1000003, 8cfdc29d85c9af6d2656ff989ae5e202d5a70e78b9b581fa2a6145223ac025f7",
        "uint8, 251, f38e71188beb848903bb93e8e4d2144a1d55101a1f6c0dde4e1c6e686d5e3f7c"
    })
    void writesLargeFilesAcrossBuffersAndCoresByteForByteLikeNumpy(String dtype, int mod, String sha256)
            throws Exception {
        // 2,103,000 elements: many write buffers and above the parallel threshold, so every core writes its part
        int[] shape = {3, 1000, 701};
        double[] v = new double[3 * 1000 * 701];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % mod;
        }
        Tensor t = Tensor.of(v, shape, List.of("a", "b", "c"))
                .cast(DType.fromId(dtype).orElseThrow());
        Path out = tmp.resolve(dtype + ".npy");
        Npy.write(t, out);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
        assertThat(java.util.HexFormat.of().formatHex(digest)).isEqualTo(sha256);
    }

    @ParameterizedTest
    @EnumSource(ByteOrderName.class)
    void readsLargeFilesOfBothByteOrdersAcrossBuffersAndCores(ByteOrderName name) throws IOException {
        // more elements than one read buffer holds and than the parallel threshold, an odd count so the parts differ
        int n = 600_001;
        ByteOrder order = name == ByteOrderName.BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String mark = order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        byte[] floats = npy(1, "{'descr': '" + mark + "f4', 'fortran_order': False, 'shape': (" + n + ",), }\n", 4 * n);
        ByteBuffer fb = ByteBuffer.wrap(floats).order(order);
        int start = floats.length - 4 * n;
        for (int i = 0; i < n; i++) {
            fb.putFloat(start + 4 * i, i * 0.25f - 1000f);
        }
        float[] f = Npy.read(file(floats)).toFloatArray();
        assertThat(f).hasSize(n);
        for (int i = 0; i < n; i += 9973) {
            assertThat(f[i]).isEqualTo(i * 0.25f - 1000f);
        }
        assertThat(f[n - 1]).isEqualTo((n - 1) * 0.25f - 1000f);
        byte[] shorts = npy(2, "{'descr': '" + mark + "i2', 'fortran_order': False, 'shape': (" + n + ",), }\n", 2 * n);
        ByteBuffer sb = ByteBuffer.wrap(shorts).order(order);
        start = shorts.length - 2 * n;
        for (int i = 0; i < n; i++) {
            sb.putShort(start + 2 * i, (short) (i * 7));
        }
        Tensor t = Npy.read(file(shorts));
        assertThat(t.dtype()).isEqualTo(DType.INT16);
        double[] d = t.toDoubleArray();
        for (int i = 0; i < n; i += 7919) {
            assertThat(d[i]).isEqualTo((short) (i * 7));
        }
        assertThat(d[n - 1]).isEqualTo((short) ((n - 1) * 7));
    }

    /** The two byte orders by name (ByteOrder is not an enum). */
    enum ByteOrderName {
        LITTLE,
        BIG
    }

    @Test
    void rejectsDataShorterThanTheShapeNeeds() throws IOException {
        Path p = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (10, 10), }\n", 40));
        assertThatThrownBy(() -> Npy.read(p))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("bad.npy")
                .hasMessageContaining("truncated data")
                .hasMessageContaining("needs 400 bytes");
    }

    @Test
    void rejectsALyingShapeInAStreamWithoutAllocatingIt() {
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483000,), }\n", 16);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(b), "entry.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("entry.npy: truncated data");
    }

    @Test
    void rejectsNegativeSizesAndOverflowingProducts() throws IOException {
        Path neg = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, -1), }\n", 0));
        assertThatThrownBy(() -> Npy.read(neg)).hasMessageContaining("shape[1]: found -1");
        Path big = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }\n", 0));
        assertThatThrownBy(() -> Npy.read(big)).hasMessageContaining("more than 2147483639 elements");
        Path huge = file(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }", 0));
        assertThatThrownBy(() -> Npy.read(huge)).hasMessageContaining("too large");
    }

    @Test
    void rejectsAbsurdHeaderLengths() throws IOException {
        byte[] b = npy(2, "{}", 0);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0x7FFFFFF0);
        Path p = file(b);
        assertThatThrownBy(() -> Npy.read(p)).hasMessageContaining("header of 2147483632 bytes");
        Path truncated = file(
                java.util.Arrays.copyOf(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 4), 30));
        assertThatThrownBy(() -> Npy.read(truncated)).hasMessageContaining("truncated header");
    }

    @Test
    void refusesObjectArraysPicklesAndUnsupportedDtypes() throws IOException {
        Path obj = file(npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }\n", 16));
        assertThatThrownBy(() -> Npy.read(obj)).hasMessageContaining("object arrays and pickled data are refused");
        Path structured = file(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }\n", 8));
        assertThatThrownBy(() -> Npy.read(structured)).hasMessageContaining("structured dtypes are not supported");
        Path complex = file(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }\n", 16));
        assertThatThrownBy(() -> Npy.read(complex)).hasMessageContaining("found '<c8', expected one of");
        Path pickle = file(new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, 0, 0, 0});
        assertThatThrownBy(() -> Npy.read(pickle)).hasMessageContaining("not a .npy file");
        Path version = file(npy(1, "{}", 0));
        byte[] v = Files.readAllBytes(version);
        v[6] = 4;
        Files.write(version, v);
        assertThatThrownBy(() -> Npy.read(version)).hasMessageContaining("found format version 4.0");
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFiles() throws IOException {
        Path out = tmp.resolve("atomic.npy");
        Npy.write(expected(DType.FLOAT32), out);
        Npy.write(expected(DType.INT16), out);
        assertThat(Npy.read(out)).isEqualTo(expected(DType.INT16));
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }
}
