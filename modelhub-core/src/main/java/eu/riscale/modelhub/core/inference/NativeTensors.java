package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.inference.internal.NativeArray;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.core.tensor.internal.Storage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Converts tensors to and from the little-endian buffers of the native boundary. */
final class NativeTensors {
    private NativeTensors() {}

    static NativeArray toNative(Tensor t) {
        Object data = Storage.data(t);
        ByteBuffer bb = ByteBuffer.allocate(
                        Math.multiplyExact(t.size(), t.dtype().byteSize()))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (data instanceof float[]) {
            bb.asFloatBuffer().put((float[]) data);
        } else if (data instanceof double[]) {
            bb.asDoubleBuffer().put((double[]) data);
        } else if (data instanceof byte[]) {
            bb.put((byte[]) data).flip();
        } else if (data instanceof short[]) {
            bb.asShortBuffer().put((short[]) data);
        } else if (data instanceof int[]) {
            bb.asIntBuffer().put((int[]) data);
        } else if (data instanceof long[]) {
            bb.asLongBuffer().put((long[]) data);
        } else {
            throw new AssertionError(data.getClass());
        }
        int[] shape = t.shape();
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return new NativeArray(t.dtype(), s, bb.position(0));
    }

    static Tensor fromNative(NativeArray a, List<String> axes) {
        long[] ls = a.shape();
        int[] shape = new int[ls.length];
        for (int i = 0; i < ls.length; i++) {
            shape[i] = Math.toIntExact(ls[i]);
        }
        int n = Math.toIntExact(a.elementCount());
        ByteBuffer bb = a.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Object data;
        switch (a.dtype()) {
            case FLOAT32:
                float[] f = new float[n];
                bb.asFloatBuffer().get(f);
                data = f;
                break;
            case FLOAT64:
                double[] d = new double[n];
                bb.asDoubleBuffer().get(d);
                data = d;
                break;
            case BOOL:
            case INT8:
            case UINT8:
                byte[] b = new byte[n];
                bb.get(b);
                data = b;
                break;
            case INT16:
            case UINT16:
                short[] s = new short[n];
                bb.asShortBuffer().get(s);
                data = s;
                break;
            case INT32:
            case UINT32:
                int[] i = new int[n];
                bb.asIntBuffer().get(i);
                data = i;
                break;
            case INT64:
            case UINT64:
                long[] l = new long[n];
                bb.asLongBuffer().get(l);
                data = l;
                break;
            default:
                throw new AssertionError(a.dtype());
        }
        return Storage.wrap(a.dtype(), data, shape, axes);
    }
}
