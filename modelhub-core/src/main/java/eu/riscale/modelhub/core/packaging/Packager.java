package eu.riscale.modelhub.core.packaging;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.iocheck.IoValidation;
import eu.riscale.modelhub.core.resource.AtomicFiles;
import eu.riscale.modelhub.core.resource.DownloadCache;
import eu.riscale.modelhub.core.resource.DownloadException;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.OfflineException;
import eu.riscale.modelhub.core.resource.PackageEntry;
import eu.riscale.modelhub.core.resource.PackagePath;
import eu.riscale.modelhub.core.resource.PackageWriter;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.resource.Sha256MismatchException;
import eu.riscale.modelhub.core.resource.UnsafeReferenceException;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.ModelValidation;
import eu.riscale.modelhub.spec.validation.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a model description together with every file it refers to: as a zip package ({@link #writeZip}) or into a
 * folder ({@link #saveFolder}).
 *
 * <pre>{@code
 * try (ResourceRoot root = ResourceRoot.open(Path.of("my-model"), ResourceSettings.defaults())) {
 *     ModelDescr model = Descriptions.read(root.description().open(), root.location());
 *     PackageResult written = Packager.writeZip(model, root, Path.of("my-model.zip"),
 *             PackageOptions.DEFAULTS.withWeightsPriorityOrder(WeightsFormat.TORCHSCRIPT));
 * }
 * }</pre>
 *
 * <p>The steps, as the reference's {@code save_bioimageio_package}:
 *
 * <ol>
 *   <li>the description is brought to the latest format ({@link ModelDescr#toLatestFormat()}, format
 *       {@value ModelDescr#FORMAT_VERSION}: covers and documentation are file descriptors with their sha256);
 *   <li>with a weights priority order, only the first present format is kept, without its {@code parent};
 *   <li>every file reference ({@link FileReferences}) is resolved against the root, downloaded when remote (through
 *       the cache; offline, an uncached URL is a problem) and its declared sha256 verified; all problems are collected
 *       and thrown together as a {@link PackagingException} before anything is written;
 *   <li>each distinct file gets a package-local name ({@link PackageWriter#planNames}); the description's sources are
 *       rewritten to those names and every {@code sha256} field filled in;
 *   <li>{@code rdf.yaml} is written first, then the files;
 *   <li>the written package is opened again and validated (format and {@link IoValidation I/O checks}); an error
 *       makes the packaging fail. A zip is written to a temporary file and moved to the target only when it is valid,
 *       so a failure leaves the target as it was.
 * </ol>
 *
 * <p>The methods are thread-safe; they read every file once or twice (hash, copy), so large weights take time.
 */
public final class Packager {
    /** The name of the description in packages written here. */
    public static final String DESCRIPTION_NAME = "rdf.yaml";

    private Packager() {}

    /**
     * Writes a zip package.
     *
     * @param model the description, as read from {@code root}
     * @param root where its relative references are resolved
     * @param target the zip file; its folder must exist; an existing file is replaced only once the new package is
     *     valid
     * @param options weights selection
     * @return what was written and its validation report (warnings only)
     * @throws PackagingException when a referenced file is missing, refused, unavailable offline or has another
     *     sha256, or when the written package does not validate; nothing is left at the target
     * @throws IOException when a file cannot be read or the target written
     */
    public static PackageResult writeZip(ModelDescr model, ResourceRoot root, Path target, PackageOptions options)
            throws PackagingException, IOException {
        Prepared prepared = prepare(model, root, options);
        Path absolute = target.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + absolute + ": its folder does not exist");
        }
        Path temp = AtomicFiles.temporarySibling(absolute);
        try {
            List<PackageEntry> entries = PackageWriter.writeZip(temp, prepared.content());
            ValidationReport report = revalidate(temp, root.cache());
            if (!report.isValid()) {
                throw new PackagingException(
                        "the package written from " + root.location() + " does not validate; " + absolute
                                + " not written",
                        report.errors());
            }
            usualPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return new PackageResult(absolute, prepared.model(), entries, report);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Saves the description as {@code rdf.yaml} in a folder together with its files, for example next to the files it
     * already refers to: a file that already is in place (same file or same content) is left alone, and an existing
     * file with other content is replaced only with {@link PackageOptions#overwrite()} (never when it is the source of
     * another entry). The folder is then validated like a zip package.
     *
     * @param model the description, as read from {@code root}
     * @param root where its relative references are resolved
     * @param folder the folder to write into; created when absent
     * @param options weights selection and overwriting
     * @return what the folder holds and its validation report (warnings only)
     * @throws PackagingException when a referenced file is missing, refused, unavailable offline or has another
     *     sha256 (nothing is written then), or when the saved folder does not validate (the files stay)
     * @throws java.nio.file.FileAlreadyExistsException when a file with other content may not be replaced
     * @throws IOException when a file cannot be read or written
     */
    public static PackageResult saveFolder(ModelDescr model, ResourceRoot root, Path folder, PackageOptions options)
            throws PackagingException, IOException {
        Prepared prepared = prepare(model, root, options);
        Path dir = folder.toAbsolutePath().normalize();
        List<PackageEntry> entries = PackageWriter.writeFolder(dir, prepared.content(), options.overwrite());
        ValidationReport report = revalidate(dir.resolve(DESCRIPTION_NAME), root.cache());
        if (!report.isValid()) {
            throw new PackagingException(
                    "the folder " + dir + " saved from " + root.location() + " does not validate", report.errors());
        }
        return new PackageResult(dir, prepared.model(), entries, report);
    }

    /**
     * Gives the temporary file (created owner-only) the permissions of the file it replaces, or else those of a new
     * file in that folder (the umask applies), so a package is as readable as any other file written there.
     */
    private static void usualPermissions(Path temp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        if (Files.isRegularFile(target)) {
            permissions = Files.getPosixFilePermissions(target);
        } else {
            Path probe = temp.resolveSibling(temp.getFileName() + ".mode");
            Files.createFile(probe);
            try {
                permissions = Files.getPosixFilePermissions(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        view.setPermissions(permissions);
    }

    /** The description as it goes into the package and the package content, {@code rdf.yaml} first. */
    private record Prepared(ModelDescr model, Map<String, FileSource> content) {}

    private static Prepared prepare(ModelDescr model, ResourceRoot root, PackageOptions options)
            throws PackagingException, IOException {
        ModelDescr latest = model.toLatestFormat();
        ModelDescr selected = options.weightsPriorityOrder().isEmpty()
                ? latest
                : latest.toBuilder()
                        .weights(WeightsSelection.keepFirst(latest.weights(), options.weightsPriorityOrder()))
                        .build();
        List<Diagnostic> problems = new ArrayList<>();
        Map<Location, FileSource> sources = new LinkedHashMap<>();
        Map<Location, Sha256> hashes = new LinkedHashMap<>();
        Map<String, FileSource> byLocation = new LinkedHashMap<>();
        for (FileReference ref : FileReferences.of(selected)) {
            FileSource file = fetch(ref, root, problems, hashes);
            if (file != null) {
                FileSource same = byLocation.putIfAbsent(file.location(), file);
                sources.put(ref.location(), same == null ? file : same);
            }
        }
        if (!problems.isEmpty()) {
            throw new PackagingException("cannot package " + root.location(), problems);
        }
        Map<FileSource, PackagePath> names;
        try {
            names = PackageWriter.planNames(DESCRIPTION_NAME, byLocation.values());
        } catch (UnsafeReferenceException e) {
            Location loc = Location.ROOT;
            for (Map.Entry<Location, FileSource> s : sources.entrySet()) {
                if (s.getValue().location().equals(e.reference())) {
                    loc = s.getKey();
                    break;
                }
            }
            throw new PackagingException("cannot package " + root.location(), List.of(error(loc, e.getMessage())));
        }
        ModelDescr rewritten = FileReferences.rewrite(
                selected,
                ref -> ref.withSource(names.get(sources.get(ref.location())).value())
                        .withSha256(hashes.get(ref.location()).hex()));
        Map<String, FileSource> content = new LinkedHashMap<>();
        content.put(
                DESCRIPTION_NAME,
                FileSource.ofBytes(
                        DESCRIPTION_NAME, Descriptions.toYaml(rewritten).getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<FileSource, PackagePath> e : names.entrySet()) {
            content.put(e.getValue().value(), e.getKey());
        }
        return new Prepared(rewritten, content);
    }

    /** Resolves a reference, checks it can be read and has its declared sha256, records its sha256; null if not. */
    private static @Nullable FileSource fetch(
            FileReference ref, ResourceRoot root, List<Diagnostic> problems, Map<Location, Sha256> hashes)
            throws IOException {
        FileSource file;
        try {
            file = root.resolve(ref.source());
        } catch (UnsafeReferenceException e) {
            problems.add(error(ref.location(), "refused: " + e.getMessage()));
            return null;
        }
        try {
            if (!file.exists()) {
                problems.add(error(
                        ref.location(),
                        ref.isRemote()
                                ? "URL " + ref.source() + " not found (HTTP 404/410)"
                                : "file '" + ref.source() + "' not found (looked for " + file.location() + ")"));
                return null;
            }
            String declared = ref.sha256();
            hashes.put(ref.location(), file.verify(declared == null ? null : Sha256.parse(declared)));
            return file;
        } catch (OfflineException e) {
            problems.add(
                    error(ref.location(), "not available offline: " + ref.source() + " is not in the download cache"));
        } catch (DownloadException e) {
            problems.add(error(ref.location(), "cannot download " + ref.source() + ": " + e.detail()));
        } catch (Sha256MismatchException e) {
            problems.add(error(
                    ref.location().key("sha256"),
                    "sha256 mismatch for " + e.location() + ": expected " + e.expected() + ", actual " + e.actual()));
        } catch (IllegalArgumentException e) {
            problems.add(error(ref.location().key("sha256"), "invalid sha256: " + e.getMessage()));
        }
        return null;
    }

    /**
     * Opens a written package and validates it: format rules and I/O checks.
     *
     * @param description the zip package or the description file in a folder
     * @param cache the cache for remote references
     */
    static ValidationReport revalidate(Path description, DownloadCache cache) throws IOException {
        try (ResourceRoot written = ResourceRoot.open(description, cache)) {
            ModelDescr model;
            try (InputStream in = written.description().open()) {
                model = Descriptions.read(in, written.description().location());
            } catch (DescriptionException e) {
                List<Diagnostic> issues = new ArrayList<>();
                for (Diagnostic p : e.problems()) {
                    issues.add(Diagnostic.error(p.location(), p.message()));
                }
                return new ValidationReport(issues);
            }
            return ModelValidation.validate(model).with(IoValidation.check(model, written));
        }
    }

    private static Diagnostic error(Location loc, String msg) {
        return Diagnostic.error(loc, msg);
    }
}
