package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes packages: a zip file, or a folder holding the description next to its files. Both take an ordered map from
 * package-local name to {@link FileSource}; {@link #planNames(String, Collection)} makes such names for the files a
 * description refers to.
 *
 * <p>Packaging a description goes: collect the referenced files, plan their names, rewrite the description's sources
 * to those names, serialise it, then write:
 *
 * <pre>{@code
 * Map<FileSource, PackagePath> names = PackageWriter.planNames("rdf.yaml", referencedFiles);
 * // ... rewrite the description's sources to names.get(file) and serialise it to yaml
 * Map<String, FileSource> content = new LinkedHashMap<>();
 * content.put("rdf.yaml", FileSource.ofBytes("rdf.yaml", yaml));
 * names.forEach((file, name) -> content.put(name.value(), file));
 * List<PackageEntry> written = PackageWriter.writeZip(target, content);
 * }</pre>
 *
 * <p>Writing is atomic: a zip is written to a temporary file in the target's folder and moved into place; a folder
 * gets each file that way ({@link AtomicFiles}, so on POSIX file systems the files get mode {@code rw-r--r--}, not the
 * owner-only mode of temporary files). Nothing is written outside the target: names are checked as
 * {@link PackagePath}s first.
 */
public final class PackageWriter {
    /** The fixed time stamp of zip entries, so that the same content gives the same package bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private PackageWriter() {}

    /**
     * Plans package-local names for the files of a description: each distinct source gets its own file name at the
     * package top level, in the order given; a name already taken (compared ignoring case) gets a number before its
     * extensions, as the reference implementation does ({@code weights.pt}, {@code weights_2.pt},
     * {@code data_2.tar.gz}).
     *
     * @param descriptionName the name reserved for the description, usually {@code rdf.yaml}
     * @param sources the referenced files; duplicates are named once
     * @return the name of each distinct source, in first-seen order
     * @throws UnsafeReferenceException when a source's file name is a description file name (a description cannot
     *     ship another description as a file) or cannot be a package name, naming the source
     */
    public static Map<FileSource, PackagePath> planNames(
            String descriptionName, Collection<? extends FileSource> sources) throws UnsafeReferenceException {
        Set<String> taken = new HashSet<>();
        taken.add(PackagePath.of(descriptionName).value().toLowerCase(Locale.ROOT));
        Map<FileSource, PackagePath> names = new LinkedHashMap<>();
        for (FileSource source : sources) {
            if (names.containsKey(source)) {
                continue;
            }
            String fileName = source.fileName();
            if (PackagePath.isDescriptionName(fileName)) {
                throw new UnsafeReferenceException(
                        source.location(), "has a file name reserved for descriptions; rename the file");
            }
            PackagePath base;
            try {
                base = PackagePath.of(fileName);
            } catch (UnsafeReferenceException e) {
                throw new UnsafeReferenceException(
                        source.location(), "has file name '" + fileName + "' that cannot be a package entry");
            }
            if (base.value().contains("/")) {
                throw new UnsafeReferenceException(source.location(), "has no usable file name");
            }
            String name = base.value();
            int dot = name.indexOf('.', 1);
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
                name = stem + "_" + i + extension;
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            names.put(source, new PackagePath(name));
        }
        return names;
    }

    /**
     * Writes a zip package atomically: to a temporary file next to {@code target}, then moved over it; on POSIX file
     * systems the zip gets mode {@code rw-r--r--}.
     *
     * <p>Entries are deflated at level 1 (as the reference does) with a fixed time stamp, in map order.
     *
     * @param target the zip file to write; its folder must exist
     * @param content package-local names to their sources, in the order to write
     * @return what was written, with the sha256 of each entry
     * @throws UnsafeReferenceException when a name is absolute, leaves the root, or two names normalise to the same
     *     entry; nothing is written then
     * @throws IOException when a source cannot be read or the target written; the target is then unchanged
     */
    public static List<PackageEntry> writeZip(Path target, Map<String, ? extends FileSource> content)
            throws IOException {
        Map<PackagePath, FileSource> checked = checkNames(content);
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + absolute + ": its folder does not exist");
        }
        List<PackageEntry> written = new ArrayList<>();
        AtomicFiles.write(absolute, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_SPEED);
                for (Map.Entry<PackagePath, FileSource> e : checked.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey().value());
                    entry.setTimeLocal(ENTRY_TIME);
                    zip.putNextEntry(entry);
                    written.add(copy(e.getKey(), e.getValue(), zip));
                    zip.closeEntry();
                }
            }
        });
        return List.copyOf(written);
    }

    /**
     * Writes a package as a folder: each file is written to a temporary file and moved to its name; on POSIX file
     * systems each file written gets mode {@code rw-r--r--}.
     *
     * <p>Sources are never overwritten by accident: an entry whose source already is the target file (a description
     * saved next to its files) is left as it is; an existing file with the same content is kept; an existing file with
     * other content is replaced only with {@code overwrite}, and never when it is the source of another entry.
     *
     * @param folder the folder to write into; created when absent
     * @param content package-local names to their sources
     * @param overwrite whether existing files with other content may be replaced
     * @return what the folder holds for each entry, with sha256
     * @throws UnsafeReferenceException for a name that is absolute, leaves the folder, repeats, or leads through a
     *     symbolic link out of the folder
     * @throws FileAlreadyExistsException when a file with other content exists and may not be replaced
     * @throws IOException when a source cannot be read or a file written
     */
    public static List<PackageEntry> writeFolder(
            Path folder, Map<String, ? extends FileSource> content, boolean overwrite) throws IOException {
        Map<PackagePath, FileSource> checked = checkNames(content);
        Path dir = folder.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path realDir = dir.toRealPath();
        Set<Path> localSources = new HashSet<>();
        for (FileSource source : checked.values()) {
            if (source instanceof LocalFile && Files.exists(((LocalFile) source).path())) {
                localSources.add(((LocalFile) source).path().toRealPath());
            }
        }
        List<PackageEntry> written = new ArrayList<>();
        for (Map.Entry<PackagePath, FileSource> e : checked.entrySet()) {
            PackagePath name = e.getKey();
            FileSource source = e.getValue();
            Path target = dir.resolve(name.value());
            Path parent = target.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(realDir)) {
                throw new UnsafeReferenceException(name.value(), "leads out of " + dir + " through a symbolic link");
            }
            if (Files.isSymbolicLink(target)) {
                throw new UnsafeReferenceException(name.value(), "is a symbolic link in " + dir + "; not replaced");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Path realTarget = target.toRealPath();
                if (source instanceof LocalFile && Files.isSameFile(((LocalFile) source).path(), target)) {
                    written.add(new PackageEntry(name, Sha256.of(target), Files.size(target)));
                    continue;
                }
                Sha256 existing = Sha256.of(target);
                Sha256 wanted = source.sha256();
                if (existing.equals(wanted)) {
                    written.add(new PackageEntry(name, existing, Files.size(target)));
                    continue;
                }
                if (localSources.contains(realTarget)) {
                    throw new FileAlreadyExistsException(
                            target.toString(), null, "is the source of another entry; not overwritten");
                }
                if (!overwrite) {
                    throw new FileAlreadyExistsException(
                            target.toString(), null, "exists with other content (sha256 " + existing + ")");
                }
            }
            List<PackageEntry> entry = new ArrayList<>(1);
            AtomicFiles.write(target, out -> entry.add(copy(name, source, out)));
            written.addAll(entry);
        }
        return List.copyOf(written);
    }

    private static Map<PackagePath, FileSource> checkNames(Map<String, ? extends FileSource> content)
            throws UnsafeReferenceException {
        Map<PackagePath, FileSource> checked = new LinkedHashMap<>();
        Set<String> folded = new HashSet<>();
        for (Map.Entry<String, ? extends FileSource> e : content.entrySet()) {
            PackagePath name = PackagePath.of(e.getKey());
            if (!folded.add(name.value().toLowerCase(Locale.ROOT))) {
                throw new UnsafeReferenceException(
                        e.getKey(), "names the same package entry as another name (compared ignoring case)");
            }
            checked.put(name, e.getValue());
        }
        for (PackagePath name : checked.keySet()) {
            String value = name.value();
            for (int i = value.indexOf('/'); i >= 0; i = value.indexOf('/', i + 1)) {
                if (folded.contains(value.substring(0, i).toLowerCase(Locale.ROOT))) {
                    throw new UnsafeReferenceException(
                            value, "needs '" + value.substring(0, i) + "' to be a folder, but it is also an entry");
                }
            }
        }
        return checked;
    }

    private static PackageEntry copy(PackagePath name, FileSource source, OutputStream out) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size;
        try (InputStream in = new DigestInputStream(source.open(), digest)) {
            size = in.transferTo(out);
        }
        return new PackageEntry(name, Sha256.fromDigest(digest.digest()), size);
    }
}
