package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the names and attributes of a zip file's central directory, which {@link java.util.zip.ZipFile} does not
 * expose: the external attributes carry the Unix file type, so symbolic links can be refused. Checks the entry count
 * against the limit before reading any entry.
 */
final class CentralDirectory {
    /**
     * One central directory record: the raw name, whether the Unix mode says symbolic link, the compression method,
     * the declared compressed size and where the entry's local header starts (zip64 values applied).
     */
    record Entry(String name, boolean symlink, int method, long compressedSize, long localHeaderOffset) {}

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;

    private CentralDirectory() {}

    static List<Entry> read(Path zip, String where, int maxEntries) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            int tailLength = (int) Math.min(fileSize, 22 + 65535);
            ByteBuffer tail = readAt(ch, fileSize - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new UnsafeArchiveException(where + " is not a zip file (no end of central directory record)");
            }
            long count = Short.toUnsignedInt(tail.getShort(eocd + 10));
            long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
                long locatorPos = fileSize - tailLength + eocd - 20;
                ByteBuffer locator = locatorPos >= 0 ? readAt(ch, locatorPos, 20) : null;
                if (locator == null || locator.getInt(0) != ZIP64_LOCATOR) {
                    throw new UnsafeArchiveException(where + " has a damaged zip64 end of central directory");
                }
                ByteBuffer z = readAt(ch, locator.getLong(8), 56);
                if (z.getInt(0) != ZIP64_EOCD) {
                    throw new UnsafeArchiveException(where + " has a damaged zip64 end of central directory");
                }
                count = z.getLong(32);
                cdSize = z.getLong(40);
                cdOffset = z.getLong(48);
            }
            if (count > maxEntries) {
                throw new UnsafeArchiveException(
                        where + " has " + count + " entries, more than the limit of " + maxEntries);
            }
            if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > fileSize || cdSize > Integer.MAX_VALUE) {
                throw new UnsafeArchiveException(where + " has a central directory outside the file");
            }
            ByteBuffer cd = readAt(ch, cdOffset, (int) cdSize);
            List<Entry> entries = new ArrayList<>((int) count);
            int pos = 0;
            for (long i = 0; i < count; i++) {
                if (pos + 46 > cd.limit() || cd.getInt(pos) != CENTRAL) {
                    throw new UnsafeArchiveException(where + " has a damaged central directory at entry " + i);
                }
                int madeBy = Short.toUnsignedInt(cd.getShort(pos + 4)) >>> 8;
                int method = Short.toUnsignedInt(cd.getShort(pos + 10));
                long compressed = Integer.toUnsignedLong(cd.getInt(pos + 20));
                long uncompressed = Integer.toUnsignedLong(cd.getInt(pos + 24));
                long offset = Integer.toUnsignedLong(cd.getInt(pos + 42));
                int nameLength = Short.toUnsignedInt(cd.getShort(pos + 28));
                int extraLength = Short.toUnsignedInt(cd.getShort(pos + 30));
                int commentLength = Short.toUnsignedInt(cd.getShort(pos + 32));
                long external = Integer.toUnsignedLong(cd.getInt(pos + 38));
                if (pos + 46 + nameLength + extraLength > cd.limit()) {
                    throw new UnsafeArchiveException(where + " has a damaged central directory at entry " + i);
                }
                byte[] name = new byte[nameLength];
                cd.get(pos + 46, name);
                int unixMode = (int) (external >>> 16);
                boolean symlink = madeBy == 3 && (unixMode & 0xF000) == 0xA000;
                // zip64: the extra field 0x0001 holds, in order, the sizes and the offset that are 0xFFFFFFFF above
                for (int x = pos + 46 + nameLength; x + 4 <= pos + 46 + nameLength + extraLength; ) {
                    int id = Short.toUnsignedInt(cd.getShort(x));
                    int len = Short.toUnsignedInt(cd.getShort(x + 2));
                    if (id == 1) {
                        int f = x + 4;
                        if (uncompressed == 0xFFFFFFFFL && f + 8 <= x + 4 + len) {
                            f += 8;
                        }
                        if (compressed == 0xFFFFFFFFL && f + 8 <= x + 4 + len) {
                            compressed = cd.getLong(f);
                            f += 8;
                        }
                        if (offset == 0xFFFFFFFFL && f + 8 <= x + 4 + len) {
                            offset = cd.getLong(f);
                        }
                    }
                    x += 4 + len;
                }
                entries.add(new Entry(new String(name, StandardCharsets.UTF_8), symlink, method, compressed, offset));
                pos += 46 + nameLength + extraLength + commentLength;
            }
            return entries;
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
