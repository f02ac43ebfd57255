package eu.riscale.modelhub.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.tensor.Npy;
import eu.riscale.modelhub.core.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Locates the numpy-generated fixtures (see src/test/python/generate_op_fixtures.py) and compares tensors. */
public final class Fixtures {
    private Fixtures() {}

    /** {@return the directory of a fixture group, for example {@code ops}} */
    public static Path dir(String group) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + group).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return an npy fixture of the ops group, with axes {@code dim_i} unless given} */
    public static Tensor read(String file, @org.jspecify.annotations.Nullable List<String> axes) {
        try {
            Path p = dir("ops").resolve(file);
            return axes == null ? Npy.read(p) : Npy.read(p, axes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts equal dtype and shape, and values equal bit for bit ({@code exact}) or within {@code |a - e| <= 1e-6 *
     * |e| + 1e-6}.
     */
    public static void assertClose(Tensor actual, Tensor expected, boolean exact, String what) {
        assertClose(actual, expected, exact, 1e-6, what);
    }

    /** Like {@link #assertClose(Tensor, Tensor, boolean, String)} with {@code tol * |e| + tol}. */
    public static void assertClose(Tensor actual, Tensor expected, boolean exact, double tol, String what) {
        assertThat(actual.dtype()).as(what + " dtype").isEqualTo(expected.dtype());
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            boolean ok = exact
                    ? Double.compare(a[i], e[i]) == 0
                    : Math.abs(a[i] - e[i]) <= tol * Math.abs(e[i]) + tol || Double.compare(a[i], e[i]) == 0;
            if (!ok) {
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", expected " + e[i]
                        + (exact ? " exactly" : " within " + tol + " relative + absolute"));
            }
        }
    }
}
