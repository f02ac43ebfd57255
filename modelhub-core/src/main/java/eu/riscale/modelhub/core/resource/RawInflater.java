package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Inflates one deflated zip entry straight from its compressed bytes in the file, so that the compressed bytes really
 * consumed are known at every moment ({@link Inflater#getBytesRead()}) and the compression ratio can be checked while
 * inflating, whatever sizes the headers declare. {@link java.util.zip.ZipFile} does not expose that count.
 */
final class RawInflater {
    private static final int LOCAL_HEADER = 0x04034b50;

    private final FileChannel channel;
    private final Inflater inflater = new Inflater(true);
    private final InputStream stream;

    private RawInflater(FileChannel channel, long start, long end) {
        this.channel = channel;
        InputStream raw = new BoundedChannelStream(channel, start, end);
        this.stream = new InflaterInputStream(raw, inflater, 64 * 1024) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                    channel.close();
                }
            }
        };
    }

    /**
     * Opens the entry whose local header starts at {@code headerOffset}; its compressed data are read at most up to
     * {@code compressedSize} bytes and never past the end of the file.
     */
    static RawInflater open(Path file, String where, long headerOffset, long compressedSize) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer h = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining()) {
                if (headerOffset < 0 || ch.read(h, headerOffset + h.position()) < 0) {
                    throw new UnsafeArchiveException(where + ": the local header lies outside the file");
                }
            }
            if (h.getInt(0) != LOCAL_HEADER) {
                throw new UnsafeArchiveException(where + ": no local header at offset " + headerOffset);
            }
            long start = headerOffset + 30 + Short.toUnsignedInt(h.getShort(26)) + Short.toUnsignedInt(h.getShort(28));
            long end = Math.min(ch.size(), start + Math.max(0, compressedSize));
            if (start > end) {
                throw new UnsafeArchiveException(where + ": the compressed data lie outside the file");
            }
            return new RawInflater(ch, start, end);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** {@return the inflated bytes as a stream under the limits of a package; closing it releases the file} */
    LimitedEntryStream limited(ZipRoot zip, PackagePath name) {
        return new LimitedEntryStream(stream, zip, name, inflater::getBytesRead);
    }

    /**
     * Inflates the whole entry to nothing under the limits, for {@link ZipRoot#inspect}.
     *
     * @return the inflated size
     */
    long drain(byte[] buffer, String where, ResourceSettings s, long totalBefore) throws IOException {
        try (InputStream in = stream) {
            long count = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                count += n;
                LimitedEntryStream.check(where, count, inflater.getBytesRead(), totalBefore + count, s);
            }
            return count;
        }
    }

    /** Reads a range of a file channel with positional reads. */
    private static final class BoundedChannelStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        BoundedChannelStream(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
