package eu.riscale.modelhub.core.tensor;

import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.tensor.internal.Parallel;
import eu.riscale.modelhub.spec.tensor.DType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes numpy's {@code .npy} format (versions 1.0, 2.0 and 3.0) for the spec's 11 data types.
 *
 * <p>Reading accepts both byte orders and C or Fortran order and returns a row-major tensor; object arrays, structured
 * dtypes and pickles are refused. Headers are checked before any large allocation: a shape whose data is larger than
 * the file, negative sizes, overflowing products and headers over 1 MiB are rejected with a {@link
 * NpyFormatException} naming the file. Writing produces little-endian C-order version 1.0 files (2.0 when the header
 * needs it), atomically (a temporary file moved into place).
 *
 * <pre>{@code
 * Tensor input = Npy.read(dir.resolve("test_input.npy"), List.of("batch", "channel", "y", "x"));
 * Npy.write(output, dir.resolve("out.npy"));
 * }</pre>
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 20;
    private static final int CHUNK = 1 << 22;
    /** Bytes per direct buffer of a file read or write: small enough to stay in a core's cache. */
    private static final int CHANNEL_CHUNK = 1 << 18;

    private Npy() {}

    /**
     * Reads a {@code .npy} file; the axes are named {@code dim_0, dim_1, ...} (rename them with {@link
     * Tensor#withAxes}).
     *
     * @param file the file
     * @return the tensor, row-major
     * @throws NpyFormatException if the file is not a valid npy file of a supported dtype
     * @throws IOException if it cannot be read
     */
    public static Tensor read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            String name = file.toString();
            // unbuffered: the header is read with exact-length reads, so the channel stops where the data begins
            Layout layout = readHeader(Channels.newInputStream(ch), ch.size(), name);
            Object data = readData(ch, layout, name);
            return toTensor(layout.header, data);
        }
    }

    /**
     * Reads a {@code .npy} file and names its axes.
     *
     * @param file the file
     * @param axes one axis id per dimension
     * @return the tensor, row-major
     * @throws NpyFormatException if the file is not a valid npy file or the number of axes does not match
     * @throws IOException if it cannot be read
     */
    public static Tensor read(Path file, List<String> axes) throws IOException {
        Tensor t = read(file);
        if (axes.size() != t.ndim()) {
            throw new NpyFormatException(file + ": found " + t.ndim() + " dimensions (shape "
                    + java.util.Arrays.toString(t.shape()) + "), expected " + axes.size() + " for axes " + axes);
        }
        return t.withAxes(axes);
    }

    /**
     * Reads {@code .npy} data from a stream, consuming only the array's bytes. Memory is bounded by the bytes actually
     * present, whatever the header claims.
     *
     * @param in the stream, not closed
     * @param name a name for error messages, for example the entry of a zip file
     * @return the tensor, row-major, with axes {@code dim_0, dim_1, ...}
     * @throws IOException if the data is invalid or cannot be read
     */
    public static Tensor read(InputStream in, String name) throws IOException {
        return read(in, -1, name);
    }

    private static Tensor read(InputStream in, long fileSize, String name) throws IOException {
        Layout layout = readHeader(in, fileSize, name);
        NpyHeader h = layout.header;
        ByteOrder order = h.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return toTensor(h, readData(in, h, layout.bytes, order, name, fileSize >= 0));
    }

    /** A checked header, where its data begins and how many bytes the data has. */
    private record Layout(NpyHeader header, long offset, long bytes) {}

    private static Layout readHeader(InputStream in, long fileSize, String name) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(pre, 6), MAGIC)) {
            throw new NpyFormatException(name + ": not a .npy file (expected the magic string \\x93NUMPY)");
        }
        int major = pre[6] & 0xFF;
        long headerLen;
        int prefix;
        if (major == 1) {
            byte[] lenBytes = in.readNBytes(2);
            if (lenBytes.length < 2) {
                throw new NpyFormatException(name + ": truncated header length");
            }
            headerLen = (lenBytes[0] & 0xFF) | ((lenBytes[1] & 0xFF) << 8);
            prefix = 10;
        } else if (major == 2 || major == 3) {
            byte[] lenBytes = in.readNBytes(4);
            if (lenBytes.length < 4) {
                throw new NpyFormatException(name + ": truncated header length");
            }
            headerLen = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            prefix = 12;
        } else {
            throw new NpyFormatException(
                    name + ": found format version " + major + "." + (pre[7] & 0xFF) + ", expected 1.0, 2.0 or 3.0");
        }
        if (headerLen > MAX_HEADER) {
            throw new NpyFormatException(
                    name + ": found a header of " + headerLen + " bytes, expected at most " + MAX_HEADER);
        }
        byte[] hb = in.readNBytes((int) headerLen);
        if (hb.length < headerLen) {
            throw new NpyFormatException(
                    name + ": truncated header (" + hb.length + " of " + headerLen + " bytes present)");
        }
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(header, name);
        long bytes = (long) h.size * h.dtype.byteSize();
        if (fileSize >= 0 && prefix + headerLen + bytes > fileSize) {
            throw new NpyFormatException(name + ": truncated data: shape " + java.util.Arrays.toString(h.shape)
                    + " of " + h.dtype + " needs " + bytes + " bytes, the file has "
                    + Math.max(0, fileSize - prefix - headerLen));
        }
        return new Layout(h, prefix + headerLen, bytes);
    }

    private static Tensor toTensor(NpyHeader h, Object data) {
        List<String> axes = new ArrayList<>();
        for (int i = 0; i < h.shape.length; i++) {
            axes.add("dim_" + i);
        }
        if (!h.fortranOrder || h.shape.length < 2) {
            return Tensor.wrap(h.dtype, data, h.shape, axes);
        }
        int[] rev = h.shape.clone();
        List<String> revAxes = new ArrayList<>(axes);
        for (int i = 0; i < rev.length; i++) {
            rev[i] = h.shape[rev.length - 1 - i];
        }
        Collections.reverse(revAxes);
        return Tensor.wrap(h.dtype, data, rev, revAxes).transpose(axes);
    }

    /**
     * Reads the data of a file straight from its channel: each core fills a direct buffer by positional reads and
     * copies it into its part of the array (one copy after the kernel's, no intermediate byte arrays).
     */
    private static Object readData(FileChannel ch, Layout layout, String name) throws IOException {
        NpyHeader h = layout.header;
        int item = h.dtype.byteSize();
        Object out = Tensor.allocate(h.dtype, h.size);
        ByteOrder order = h.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int perBuffer = CHANNEL_CHUNK / item;
        IOException[] failure = new IOException[1];
        Parallel.forRange(h.size, h.size, (from, to) -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.min(to - from, perBuffer) * item);
            try {
                for (int at = from; at < to; at += perBuffer) {
                    int n = Math.min(perBuffer, to - at);
                    buffer.clear().limit(n * item);
                    long position = layout.offset + (long) at * item;
                    while (buffer.hasRemaining()) {
                        if (ch.read(buffer, position + buffer.position()) < 0) {
                            throw new NpyFormatException(name + ": truncated data: shape "
                                    + java.util.Arrays.toString(h.shape) + " of " + h.dtype + " needs "
                                    + layout.bytes + " bytes, the file ended before");
                        }
                    }
                    buffer.flip();
                    decode(buffer.order(order), out, at, n);
                }
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        normaliseBool(h, out);
        return out;
    }

    private static Object readData(
            InputStream in, NpyHeader h, long bytes, ByteOrder order, String name, boolean sizeKnown)
            throws IOException {
        int item = h.dtype.byteSize();
        List<byte[]> chunks = new ArrayList<>();
        long remaining = bytes;
        Object out = sizeKnown ? Tensor.allocate(h.dtype, h.size) : null;
        int element = 0;
        while (remaining > 0) {
            byte[] chunk = in.readNBytes((int) Math.min(CHUNK, remaining));
            if (chunk.length % item != 0 || chunk.length == 0) {
                throw new NpyFormatException(name + ": truncated data: shape " + java.util.Arrays.toString(h.shape)
                        + " of " + h.dtype + " needs " + bytes + " bytes, found " + (bytes - remaining + chunk.length));
            }
            remaining -= chunk.length;
            if (out != null) {
                decode(chunk, order, out, element);
                element += chunk.length / item;
            } else {
                chunks.add(chunk);
            }
        }
        if (out == null) {
            out = Tensor.allocate(h.dtype, h.size);
            for (byte[] chunk : chunks) {
                decode(chunk, order, out, element);
                element += chunk.length / item;
            }
        }
        normaliseBool(h, out);
        return out;
    }

    private static void normaliseBool(NpyHeader h, Object out) {
        if (h.dtype == DType.BOOL) {
            byte[] b = (byte[]) out;
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (b[i] != 0 ? 1 : 0);
            }
        }
    }

    private static void decode(byte[] chunk, ByteOrder order, Object out, int at) {
        decode(ByteBuffer.wrap(chunk).order(order), out, at, chunk.length / byteSize(out));
    }

    private static int byteSize(Object data) {
        return data instanceof double[] || data instanceof long[]
                ? 8
                : data instanceof float[] || data instanceof int[] ? 4 : data instanceof short[] ? 2 : 1;
    }

    /** Copies {@code n} elements from the buffer (its order set) into {@code out} at {@code at}. */
    private static void decode(ByteBuffer bb, Object out, int at, int n) {
        if (out instanceof float[]) {
            bb.asFloatBuffer().get((float[]) out, at, n);
        } else if (out instanceof double[]) {
            bb.asDoubleBuffer().get((double[]) out, at, n);
        } else if (out instanceof byte[]) {
            bb.get((byte[]) out, at, n);
        } else if (out instanceof short[]) {
            bb.asShortBuffer().get((short[]) out, at, n);
        } else if (out instanceof int[]) {
            bb.asIntBuffer().get((int[]) out, at, n);
        } else {
            bb.asLongBuffer().get((long[]) out, at, n);
        }
    }

    /**
     * Writes a tensor as a little-endian C-order {@code .npy} file, atomically: the data goes to a temporary file in the
     * same directory that is then moved over {@code file}. The axis ids are not stored (npy has no axis names). Each
     * core encodes its part of the data into its own direct buffer and writes it with positional writes, the mirror
     * of {@link #read(Path)}.
     *
     * @param tensor the tensor
     * @param file the target file, replaced if it exists
     * @throws IOException if writing fails (the target is then untouched)
     */
    public static void write(Tensor tensor, Path file) throws IOException {
        byte[] header = NpyHeader.format(tensor.dtype(), tensor.shape());
        AtomicFiles.writeChannel(file, ch -> {
            writeFully(ch, ByteBuffer.wrap(header), 0);
            writeData(ch, tensor, header.length);
        });
    }

    private static void writeData(FileChannel ch, Tensor tensor, long offset) throws IOException {
        Object data = Tensor.storage(tensor);
        int n = tensor.size();
        int item = tensor.dtype().byteSize();
        int perBuffer = CHANNEL_CHUNK / item;
        IOException[] failure = new IOException[1];
        Parallel.forRange(n, n, (from, to) -> {
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.min(to - from, perBuffer) * item)
                    .order(ByteOrder.LITTLE_ENDIAN);
            try {
                for (int at = from; at < to; at += perBuffer) {
                    int len = Math.min(perBuffer, to - at);
                    buffer.clear();
                    encode(data, at, len, buffer);
                    buffer.limit(len * item);
                    writeFully(ch, buffer, offset + (long) at * item);
                }
            } catch (IOException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            ch.write(buffer, position + buffer.position());
        }
    }

    /** Puts {@code len} elements of {@code data} from {@code start} at the buffer's start, in the buffer's order. */
    private static void encode(Object data, int start, int len, ByteBuffer bb) {
        if (data instanceof float[]) {
            bb.asFloatBuffer().put((float[]) data, start, len);
        } else if (data instanceof double[]) {
            bb.asDoubleBuffer().put((double[]) data, start, len);
        } else if (data instanceof byte[]) {
            bb.duplicate().put((byte[]) data, start, len);
        } else if (data instanceof short[]) {
            bb.asShortBuffer().put((short[]) data, start, len);
        } else if (data instanceof int[]) {
            bb.asIntBuffer().put((int[]) data, start, len);
        } else {
            bb.asLongBuffer().put((long[]) data, start, len);
        }
    }

    /**
     * Writes a tensor in {@code .npy} format to a stream (little-endian, C order).
     *
     * @param tensor the tensor
     * @param out the stream, not closed
     * @throws IOException if writing fails
     */
    public static void write(Tensor tensor, OutputStream out) throws IOException {
        byte[] header = NpyHeader.format(tensor.dtype(), tensor.shape());
        out.write(header);
        Object data = Tensor.storage(tensor);
        int n = tensor.size();
        int item = tensor.dtype().byteSize();
        int perChunk = Math.max(1, CHANNEL_CHUNK / item);
        ByteBuffer bb = ByteBuffer.allocate(Math.min(n, perChunk) * item).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < n; start += perChunk) {
            int len = Math.min(perChunk, n - start);
            bb.clear();
            encode(data, start, len, bb);
            out.write(bb.array(), 0, len * item);
        }
    }
}
