package eu.riscale.modelhub.core.resource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes a zip entry really inflates to and stops with {@link UnsafeArchiveException} as soon as the entry
 * size, the compression ratio or the package's total exceeds its limit — the header sizes are not trusted. The ratio
 * is checked continuously against the compressed bytes really consumed so far: an entry may produce at most {@link
 * #RATIO_ALLOWANCE} bytes plus {@link ResourceSettings#maxZipCompressionRatio()} times those, so lying sizes cannot
 * make it inflate gigabytes before it stops, while a small file that compresses extremely well (a tensor of NaNs)
 * passes.
 */
final class LimitedEntryStream extends FilterInputStream {
    /** What an entry may inflate to beyond the ratio: small files of one repeated value compress up to 1000:1. */
    static final long RATIO_ALLOWANCE = 16L * 1024L * 1024L;

    private final ZipRoot zip;
    private final PackagePath name;
    private final LongSupplier compressedRead;
    private long count;

    LimitedEntryStream(InputStream in, ZipRoot zip, PackagePath name, LongSupplier compressedRead) {
        super(in);
        this.zip = zip;
        this.name = name;
        this.compressedRead = compressedRead;
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
        check(zip.location() + "!/" + name, count, -1, -1, zip.settings());
        if (count > RATIO_ALLOWANCE) {
            check(zip.location() + "!/" + name, count, compressedRead.getAsLong(), -1, zip.settings());
        }
        zip.account(name, count);
    }

    /**
     * The limits of one entry: its size, its ratio (when {@code compressed} is not negative) and the archive's total
     * (when {@code total} is not negative).
     */
    static void check(String where, long count, long compressed, long total, ResourceSettings s)
            throws UnsafeArchiveException {
        if (count > s.maxZipEntryBytes()) {
            throw new UnsafeArchiveException(
                    where + " inflates to more than " + s.maxZipEntryBytes() + " bytes, the limit per entry");
        }
        if (compressed >= 0
                && count > RATIO_ALLOWANCE
                && count - RATIO_ALLOWANCE > s.maxZipCompressionRatio() * Math.max(1, compressed)) {
            throw new UnsafeArchiveException(where + " inflates " + compressed + " compressed bytes to more than "
                    + count + " bytes, beyond the limit of " + RATIO_ALLOWANCE + " bytes plus a ratio of "
                    + s.maxZipCompressionRatio() + " (zip bomb? ResourceSettings.maxZipCompressionRatio)");
        }
        if (total > s.maxZipTotalBytes()) {
            throw new UnsafeArchiveException(
                    where + ": the archive inflates to more than " + s.maxZipTotalBytes() + " bytes in all, the limit");
        }
    }
}
