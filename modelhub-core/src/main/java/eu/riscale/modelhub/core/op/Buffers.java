package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * The output buffers of one {@link ProcessingChain}: results it hands out are marked as lent by it ({@link
 * Storage#wrapLeased}), and those handed back once with {@link ProcessingChain#recycle} (at most {@value #FREE}, the
 * oldest dropped first) are reused by later results of the same storage type and length instead of a new zeroed
 * array. Only this chain's own results are taken back, each once, so a caller's tensor passed through a chain never
 * becomes a buffer, and recycling a sample twice does not hand one array to two results. Nothing here refers to a
 * result that was not handed back: results never recycled are collected as usual. Thread-safe.
 */
final class Buffers {
    private static final int FREE = 4;

    private final ArrayDeque<Object> free = new ArrayDeque<>();

    /** The mark of one result: which buffers lent its array, and whether it was handed back already. */
    private static final class Lease {
        private final Buffers owner;
        private boolean returned;

        Lease(Buffers owner) {
            this.owner = owner;
        }
    }

    /** {@return a free array of {@code n} elements of {@code dtype}'s storage type, or a new one} (not zeroed) */
    synchronized Object take(DType dtype, int n) {
        Class<?> type = Tensor.storageType(dtype);
        for (Iterator<Object> it = free.iterator(); it.hasNext(); ) {
            Object b = it.next();
            if (b.getClass() == type && java.lang.reflect.Array.getLength(b) == n) {
                it.remove();
                return b;
            }
        }
        return Storage.allocate(dtype, n);
    }

    /** Wraps a result of this chain, whose array this chain allocated, as one it may take back. */
    Tensor result(DType dtype, Object data, int[] shape, List<String> axes) {
        return Storage.wrapLeased(dtype, data, shape, axes, new Lease(this));
    }

    /** Takes back the storage of {@code t} if this chain handed it out and it was not handed back before. */
    synchronized void give(Tensor t) {
        if (Storage.lease(t) instanceof Lease lease && lease.owner == this && !lease.returned) {
            lease.returned = true;
            free.addLast(Storage.data(t));
            if (free.size() > FREE) {
                free.removeFirst();
            }
        }
    }
}
