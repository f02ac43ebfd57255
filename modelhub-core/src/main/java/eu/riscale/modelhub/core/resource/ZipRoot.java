package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zip package read in place, without unpacking.
 *
 * <p>Opening checks the whole central directory: at most {@link ResourceSettings#maxZipEntries()} entries, no entry
 * name that is absolute or leaves the root ({@code ../}), no symbolic link, no two names that normalise to the same
 * path, and declared sizes within the limits. Reading an entry counts the bytes it really inflates to and stops at the
 * per-entry, ratio and total limits. Every refusal is an {@link UnsafeArchiveException} naming the archive and entry.
 *
 * <p>Thread-safe; entries can be read until {@link #close()}.
 */
public final class ZipRoot implements ResourceRoot {
    private final ZipFile zipFile;
    private final Path file;
    private final String location;
    private final DownloadCache cache;
    private final Map<PackagePath, ZipEntry> entries;
    private final Map<PackagePath, CentralDirectory.Entry> raw;
    private final ZipEntryFile description;
    private final Map<PackagePath, AtomicLong> inflated = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ZipRoot(
            ZipFile zipFile,
            Path file,
            String location,
            DownloadCache cache,
            Map<PackagePath, ZipEntry> entries,
            Map<PackagePath, CentralDirectory.Entry> raw)
            throws DescriptionNotFoundException {
        this.raw = Map.copyOf(raw);
        this.zipFile = zipFile;
        this.file = file;
        this.location = location;
        this.cache = cache;
        this.entries = Collections.unmodifiableMap(entries);
        List<String> topLevel = new ArrayList<>();
        for (PackagePath p : entries.keySet()) {
            if (!p.value().contains("/")) {
                topLevel.add(p.value());
            }
        }
        this.description =
                new ZipEntryFile(this, new PackagePath(DescriptionFiles.choose(topLevel, "zip package " + location)));
    }

    static boolean looksLikeZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4
                    && magic[0] == 'P'
                    && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        }
    }

    static ZipRoot open(Path file, String location, DownloadCache cache) throws IOException {
        ResourceSettings s = cache.settings();
        List<CentralDirectory.Entry> raw = CentralDirectory.read(file, "zip package " + location, s.maxZipEntries());
        ZipFile zipFile;
        try {
            zipFile = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new UnsafeArchiveException("zip package " + location + " cannot be read: " + e.getMessage());
        }
        try {
            Map<PackagePath, ZipEntry> entries = new LinkedHashMap<>();
            Map<PackagePath, CentralDirectory.Entry> records = new LinkedHashMap<>();
            long declaredTotal = 0;
            for (CentralDirectory.Entry e : raw) {
                PackagePath path;
                try {
                    path = PackagePath.of(e.name());
                } catch (UnsafeReferenceException ex) {
                    throw new UnsafeArchiveException(
                            "zip package " + location + " has an unsafe entry: " + ex.getMessage());
                }
                if (e.symlink()) {
                    throw new UnsafeArchiveException(
                            "zip package " + location + " has entry '" + e.name() + "' that is a symbolic link");
                }
                if (e.name().endsWith("/")) {
                    continue;
                }
                ZipEntry entry = zipFile.getEntry(e.name());
                if (entry == null || entries.containsKey(path)) {
                    throw new UnsafeArchiveException("zip package " + location + " has entry '" + e.name()
                            + "' more than once (as '" + path + "')");
                }
                long size = entry.getSize();
                if (size > s.maxZipEntryBytes()) {
                    throw new UnsafeArchiveException("zip package " + location + " entry '" + path + "' declares "
                            + size + " bytes, more than the limit per entry of " + s.maxZipEntryBytes());
                }
                declaredTotal += Math.max(0, size);
                if (declaredTotal > s.maxZipTotalBytes()) {
                    throw new UnsafeArchiveException("zip package " + location + " declares more than "
                            + s.maxZipTotalBytes() + " uncompressed bytes in all, the limit per package");
                }
                entries.put(path, entry);
                records.put(path, e);
            }
            return new ZipRoot(zipFile, file, location, cache, entries, records);
        } catch (IOException | RuntimeException e) {
            zipFile.close();
            throw e;
        }
    }

    /** {@return the zip file on disk (for a remote package, its copy in the download cache)} */
    public Path file() {
        return file;
    }

    /** {@return the normalised names of the file entries, in archive order} */
    public List<PackagePath> entries() {
        return List.copyOf(entries.keySet());
    }

    /** {@inheritDoc} */
    @Override
    public ZipEntryFile description() {
        return description;
    }

    /** {@inheritDoc} */
    @Override
    public FileSource resolve(String reference) throws UnsafeReferenceException {
        FileSource remote = References.remote(reference, cache);
        if (remote != null) {
            return remote;
        }
        return new ZipEntryFile(this, PackagePath.of(reference));
    }

    /** {@inheritDoc} */
    @Override
    public String location() {
        return location;
    }

    /** {@inheritDoc} */
    @Override
    public DownloadCache cache() {
        return cache;
    }

    /** Closes the zip file; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                zipFile.close();
            } catch (IOException e) {
                // Closing a read-only zip file only releases the handle; nothing is lost if that fails.
            }
        }
    }

    ResourceSettings settings() {
        return cache.settings();
    }

    boolean hasEntry(PackagePath name) {
        return entries.containsKey(name);
    }

    long declaredSize(PackagePath name) throws IOException {
        return entry(name).getSize();
    }

    InputStream openEntry(PackagePath name) throws IOException {
        ZipEntry entry = entry(name);
        if (closed.get()) {
            throw new IOException("zip package " + location + " is closed");
        }
        CentralDirectory.Entry record = raw.get(name);
        if (record == null || record.method() != ZipEntry.DEFLATED) {
            // stored (or a method the JDK reads itself): every byte read is a byte of the file
            InputStream in = zipFile.getInputStream(entry);
            long[] read = {0};
            return new LimitedEntryStream(new CountingStream(in, read), this, name, () -> read[0]);
        }
        return RawInflater.open(file, location + "!/" + name, record.localHeaderOffset(), entry.getCompressedSize())
                .limited(this, name);
    }

    /**
     * Checks a zip file that is handed to an engine as a whole (a TorchScript {@code .pt} is a zip): the central
     * directory and declared sizes as for a package, then every entry inflated to nothing under the same limits, so a
     * small file that would inflate to gigabytes inside the engine is refused first. A file that does not start like a
     * zip is left alone: the engine reports what it is.
     *
     * @param file the zip file
     * @param location how to name it in messages
     * @param settings the zip limits
     * @throws UnsafeArchiveException when the archive exceeds a limit, naming the entry
     * @throws IOException when it cannot be read
     */
    public static void inspect(Path file, String location, ResourceSettings settings) throws IOException {
        if (!looksLikeZip(file)) {
            return;
        }
        List<CentralDirectory.Entry> records = CentralDirectory.read(file, location, settings.maxZipEntries());
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (CentralDirectory.Entry e : records) {
            if (e.symlink()) {
                throw new UnsafeArchiveException(location + " has entry '" + e.name() + "' that is a symbolic link");
            }
            if (e.name().endsWith("/")) {
                continue;
            }
            long size;
            if (e.method() == ZipEntry.STORED) {
                size = e.compressedSize();
            } else if (e.method() == ZipEntry.DEFLATED) {
                size = RawInflater.open(file, location + "!/" + e.name(), e.localHeaderOffset(), e.compressedSize())
                        .drain(buffer, location + "!/" + e.name(), settings, total);
            } else {
                throw new UnsafeArchiveException(location + " entry '" + e.name() + "' uses compression method "
                        + e.method() + "; expected stored or deflated");
            }
            if (size > settings.maxZipEntryBytes()) {
                throw new UnsafeArchiveException(location + "!/" + e.name() + " inflates to more than "
                        + settings.maxZipEntryBytes() + " bytes, the limit per entry");
            }
            total += size;
            if (total > settings.maxZipTotalBytes()) {
                throw new UnsafeArchiveException(location + " inflates to more than " + settings.maxZipTotalBytes()
                        + " bytes in all, the limit per archive");
            }
        }
    }

    /** Records that an entry has produced {@code count} bytes and checks the package total. */
    void account(PackagePath name, long count) throws UnsafeArchiveException {
        AtomicLong seen = inflated.computeIfAbsent(name, n -> new AtomicLong());
        long before = seen.getAndAccumulate(count, Math::max);
        if (count > before) {
            long now = total.addAndGet(count - before);
            if (now > settings().maxZipTotalBytes()) {
                throw new UnsafeArchiveException("zip package " + location + " inflates to more than "
                        + settings().maxZipTotalBytes() + " bytes in all (while reading '" + name
                        + "'), the limit per package");
            }
        }
    }

    private ZipEntry entry(PackagePath name) throws NoSuchFileException {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new NoSuchFileException(location + "!/" + name, null, "no such entry in the zip package");
        }
        return entry;
    }

    @Override
    public String toString() {
        return "ZipRoot[" + location + "]";
    }
}
