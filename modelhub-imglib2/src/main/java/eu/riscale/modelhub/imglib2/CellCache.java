package eu.riscale.modelhub.imglib2;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongFunction;

/**
 * A bounded, thread-safe, compute-once cache of cells by index: the first thread asking for a cell computes it, the
 * others asking meanwhile wait for that result; the least recently used computed cells are dropped beyond the
 * capacity. A computation that fails is not kept, so a later request tries again.
 *
 * @param <V> the cell contents
 */
final class CellCache<V> {
    private final int capacity;
    private final LinkedHashMap<Long, FutureTask<V>> cells = new LinkedHashMap<>(16, 0.75f, true);

    CellCache(int capacity) {
        this.capacity = capacity;
    }

    V get(long key, LongFunction<V> compute) {
        FutureTask<V> task;
        boolean mine = false;
        synchronized (cells) {
            task = cells.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> compute.apply(key));
                cells.put(key, task);
                mine = true;
                evict();
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for cell " + key);
        } catch (ExecutionException e) {
            synchronized (cells) {
                cells.remove(key, task);
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            } else if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Drops the least recently used finished cells beyond the capacity (cells still computing stay). */
    private void evict() {
        Iterator<Map.Entry<Long, FutureTask<V>>> it = cells.entrySet().iterator();
        int excess = cells.size() - capacity;
        while (excess > 0 && it.hasNext()) {
            if (it.next().getValue().isDone()) {
                it.remove();
                excess--;
            }
        }
    }

    int size() {
        synchronized (cells) {
            return cells.size();
        }
    }

    void clear() {
        synchronized (cells) {
            cells.clear();
        }
    }
}
