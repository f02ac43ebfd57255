package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Crafts zip files for tests, including hostile ones by patching central directory bytes. */
final class Zips {
    private Zips() {}

    /** Writes a zip with the given entries (names as given, unchecked), deflated. */
    static Path write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    /** Writes one entry of {@code size} zero bytes, streamed, so that large highly compressible entries need no heap. */
    static Path writeZeros(Path zip, String descriptionName, String name, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(descriptionName));
            z.write("name: bomb\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 16];
            for (long left = size; left > 0; left -= zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            z.closeEntry();
        }
        return zip;
    }

    /** Marks an entry as a Unix symbolic link (mode 0120777) in the central directory, as {@code zip -y} does. */
    static void markSymlink(Path zip, String name) throws IOException {
        patchCentral(zip, name, (buffer, pos) -> {
            buffer.putShort(pos + 4, (short) ((3 << 8) | 20));
            buffer.putInt(pos + 38, 0120777 << 16);
        });
    }

    /** Overwrites an entry's declared uncompressed size in the central directory: a lying header. */
    static void declareSize(Path zip, String name, int size) throws IOException {
        patchCentral(zip, name, (buffer, pos) -> buffer.putInt(pos + 24, size));
    }

    /** Overwrites an entry's declared compressed size in the central directory: a lying header. */
    static void declareCompressedSize(Path zip, String name, int size) throws IOException {
        patchCentral(zip, name, (buffer, pos) -> buffer.putInt(pos + 20, size));
    }

    private interface Patch {
        void apply(ByteBuffer buffer, int centralHeaderPosition);
    }

    private static void patchCentral(Path zip, String name, Patch patch) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int pos = 0; pos + 46 <= bytes.length; pos++) {
            if (buffer.getInt(pos) != 0x02014b50) {
                continue;
            }
            int nameLength = Short.toUnsignedInt(buffer.getShort(pos + 28));
            if (nameLength == wanted.length
                    && java.util.Arrays.equals(bytes, pos + 46, pos + 46 + nameLength, wanted, 0, wanted.length)) {
                patch.apply(buffer, pos);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalArgumentException("no central directory entry " + name + " in " + zip);
    }
}
