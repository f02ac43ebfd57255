package eu.riscale.modelhub.core.op;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import eu.riscale.modelhub.spec.tensor.DType;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The output buffers of one {@link ProcessingChain}: the arrays of the results it handed out (weakly held, so results
 * never handed back are collected as usual), and those handed back with {@link ProcessingChain#recycle} (at most
 * {@value #FREE}, the oldest dropped first), which later results of the same storage type and length reuse instead of
 * a new zeroed array. Only arrays of this chain's results are taken back, so a caller's tensor passed through a chain
 * never becomes a buffer. Thread-safe.
 */
final class Buffers {
    private static final int FREE = 4;

    // arrays do not override equals and hashCode: a weak hash set of arrays is an identity set
    private final Set<Object> issued = Collections.newSetFromMap(new WeakHashMap<>());
    private final ArrayDeque<Object> free = new ArrayDeque<>();

    /** {@return a free array of {@code n} elements of {@code dtype}'s storage type, or a new one} (not zeroed) */
    synchronized Object take(DType dtype, int n) {
        Class<?> type = Tensor.storageType(dtype);
        Object a = null;
        for (Iterator<Object> it = free.iterator(); it.hasNext(); ) {
            Object b = it.next();
            if (b.getClass() == type && java.lang.reflect.Array.getLength(b) == n) {
                it.remove();
                a = b;
                break;
            }
        }
        if (a == null) {
            a = Storage.allocate(dtype, n);
        }
        issued.add(a);
        return a;
    }

    /** Takes back the storage of {@code t} if this chain handed it out and it is not free already. */
    synchronized void give(Tensor t) {
        Object a = Storage.data(t);
        if (issued.remove(a)) {
            free.addLast(a);
            if (free.size() > FREE) {
                free.removeFirst();
            }
        }
    }
}
