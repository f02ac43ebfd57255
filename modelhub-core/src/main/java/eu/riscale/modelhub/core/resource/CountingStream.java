package eu.riscale.modelhub.core.resource;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it into a shared cell, for the ratio check of stored zip entries. */
final class CountingStream extends FilterInputStream {
    private final long[] count;

    CountingStream(InputStream in, long[] count) {
        super(in);
        this.count = count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count[0]++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count[0] += n;
        }
        return n;
    }
}
