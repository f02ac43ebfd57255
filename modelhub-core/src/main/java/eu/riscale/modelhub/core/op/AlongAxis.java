package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;

/** Checks of per-index parameters given along one axis. */
final class AlongAxis {
    private AlongAxis() {}

    static double[] copyNonEmpty(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + ": found an empty list, expected at least one value");
        }
        return values.clone();
    }

    /** Fails unless the tensor has the axis and its size equals the number of values. */
    static Runs runs(Tensor x, String tensorId, String axis, int length, String what) {
        if (!x.axes().contains(axis)) {
            throw new IllegalArgumentException(
                    what + " of tensor '" + tensorId + "': axis '" + axis + "' not found, expected one of " + x.axes());
        }
        int size = x.size(axis);
        if (size != length) {
            throw new IllegalArgumentException(what + " of tensor '" + tensorId + "': found " + length
                    + " values along axis '" + axis + "', expected " + size + " (the size of that axis)");
        }
        return Runs.along(x, axis, length, what);
    }
}
