package eu.riscale.modelhub.core.resource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes a zip entry really inflates to and stops with {@link UnsafeArchiveException} as soon as the entry
 * size, the compression ratio or the package's total exceeds its limit — the header sizes are not trusted.
 */
final class LimitedEntryStream extends FilterInputStream {
    private static final long RATIO_THRESHOLD = 1024L * 1024L;

    private final ZipRoot zip;
    private final PackagePath name;
    private final long compressedSize;
    private long count;

    LimitedEntryStream(InputStream in, ZipRoot zip, PackagePath name, long compressedSize) {
        super(in);
        this.zip = zip;
        this.name = name;
        this.compressedSize = Math.max(1, compressedSize);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(int n) throws IOException {
        count += n;
        ResourceSettings s = zip.settings();
        if (count > s.maxZipEntryBytes()) {
            throw new UnsafeArchiveException(zip.location() + "!/" + name + " inflates to more than "
                    + s.maxZipEntryBytes() + " bytes, the limit per entry");
        }
        if (count > RATIO_THRESHOLD && count / compressedSize > s.maxZipCompressionRatio()) {
            throw new UnsafeArchiveException(zip.location() + "!/" + name + " inflates " + compressedSize
                    + " compressed bytes to more than " + count + " bytes, a ratio above the limit of "
                    + s.maxZipCompressionRatio() + " (zip bomb?)");
        }
        zip.account(name, count);
    }
}
