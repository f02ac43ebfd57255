package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.inference.internal.DjlRunner;
import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.LocalFile;
import eu.riscale.modelhub.core.resource.RemoteFile;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.resource.Sha256;
import eu.riscale.modelhub.core.resource.Sha256MismatchException;
import eu.riscale.modelhub.core.resource.ZipRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Picks and loads the first runnable weights in priority order, collecting why the others were skipped. */
final class WeightsSelection {
    /** The formats that have a Java engine here. */
    static final List<WeightsFormat> RUNNABLE = List.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);

    /** Where weights files are found: a resource root or a plain folder. */
    interface WeightsFiles {
        /**
         * Returns a local file for a reference whose content has the expected sha256 (checked before it is returned),
         * copying it out of a zip package into the download cache when needed.
         *
         * @throws Sha256MismatchException when {@code expected} is given and the content differs
         */
        Local local(String reference, @Nullable Sha256 expected) throws IOException;

        /** {@return the limits for archives handed to an engine (a TorchScript file is a zip)} */
        default ResourceSettings limits() {
            return ResourceSettings.builder().build();
        }
    }

    /** A local weights file, temporary when it was copied. */
    record Local(Path path, boolean temporary) {}

    /** The loaded runner, its format, the temporary file to delete on close, and why earlier formats were not used. */
    record Loaded(
            DjlRunner runner,
            WeightsFormat format,
            @Nullable Path temporary,
            List<String> skipped) {}

    private WeightsSelection() {}

    static WeightsFiles of(ResourceRoot root) {
        return new WeightsFiles() {
            @Override
            public Local local(String reference, @Nullable Sha256 expected) throws IOException {
                return fromRoot(root, reference, expected);
            }

            @Override
            public ResourceSettings limits() {
                return root.cache().settings();
            }
        };
    }

    private static Local fromRoot(ResourceRoot root, String reference, @Nullable Sha256 expected) throws IOException {
        FileSource file = root.resolve(reference);
        if (file instanceof LocalFile) {
            if (expected != null) {
                file.verify(expected);
            }
            return new Local(((LocalFile) file).path(), false);
        }
        if (file instanceof RemoteFile && expected != null) {
            file = ((RemoteFile) file).pinned(expected); // read only the verified download
        }
        // an entry of a zip package or a download: the engines need a file under its own name, kept content-addressed
        // in the download cache (no temporary file that a killed process would leave behind), hashed while copied
        return new Local(root.cache().copyIn(file, expected).path(), false);
    }

    static WeightsFiles of(Path folder) {
        Path base = folder.toAbsolutePath().normalize();
        return (reference, expected) -> {
            if (reference.contains("://")) {
                throw new IOException("weights at " + reference + " are remote; open the description through a"
                        + " ResourceRoot to download them");
            }
            Path p = base.resolve(reference).normalize();
            if (!p.startsWith(base)) {
                throw new IOException("weights reference " + reference + " leaves the folder " + base);
            }
            if (expected != null) {
                FileSource.of(p).verify(expected);
            }
            return new Local(p, false);
        };
    }

    private static @Nullable Sha256 declared(WeightsEntryDescr entry) {
        String sha = entry.sha256();
        if (sha == null) {
            return null;
        }
        try {
            return Sha256.parse(sha);
        } catch (IllegalArgumentException e) {
            return null; // a malformed value is a format error, reported by validation
        }
    }

    static @Nullable WeightsEntryDescr entry(WeightsDescr w, WeightsFormat format) {
        return w.entry(format);
    }

    static List<WeightsFormat> offered(WeightsDescr w) {
        List<WeightsFormat> out = new ArrayList<>();
        for (WeightsFormat f : WeightsFormat.values()) {
            if (entry(w, f) != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** The GPUs that PyTorch, the engine that runs on them here, reports; 0 when it does not start. */
    static int gpuCount() {
        try {
            return NativeEngine.PYTORCH.engine().getGpuCount();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    static Loaded load(
            ModelDescr model, WeightsFiles files, List<WeightsFormat> priority, boolean gpu, boolean verifyHashes)
            throws UnsupportedWeightsException {
        List<String> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (WeightsFormat format : priority) {
            WeightsEntryDescr entry = entry(model.weights(), format);
            if (entry == null) {
                skipped.add(format + ": not in the description");
                continue;
            }
            NativeEngine engine = format == WeightsFormat.TORCHSCRIPT
                    ? NativeEngine.PYTORCH
                    : format == WeightsFormat.ONNX ? NativeEngine.ONNX_RUNTIME : null;
            if (engine == null) {
                skipped.add(format + ": no Java engine runs this format");
                continue;
            }
            Local local = null;
            try {
                local = files.local(entry.source(), verifyHashes ? declared(entry) : null);
                if (!Files.isRegularFile(local.path())) {
                    throw new IOException("weights file not found: " + local.path());
                }
                if (format == WeightsFormat.TORCHSCRIPT) {
                    // libtorch inflates what the zip holds without limits: check it under the package limits first
                    ZipRoot.inspect(local.path(), entry.source(), files.limits());
                }
                DjlRunner runner = DjlRunner.load(local.path(), engine, gpu);
                return new Loaded(runner, format, local.temporary() ? local.path() : null, failed);
            } catch (Sha256MismatchException e) {
                // never run a file that is not the one the description pins, and never fall back silently
                throw new UnsupportedWeightsException("refusing to load the " + format.id() + " weights of model '"
                        + model.name() + "': " + e.getMessage() + " (" + Location.of("weights", format.id(), "sha256")
                        + "); the file is not the one the description pins (--no-verify-hashes, or"
                        + " PredictionOptions.verifyHashes(false), runs it anyway)");
            } catch (IOException | IllegalStateException e) {
                skipped.add(format + ": " + e.getMessage());
                failed.add(format + " weights (" + e.getMessage() + ")");
                if (local != null && local.temporary()) {
                    try {
                        Files.deleteIfExists(local.path());
                    } catch (IOException ignored) {
                        // a leftover temporary file is harmless
                    }
                }
            }
        }
        throw new UnsupportedWeightsException("none of the weights of model '" + model.name()
                + "' can run here: the description offers " + offered(model.weights()) + "; this SDK runs "
                + RUNNABLE + "; tried in priority order " + priority + ": " + String.join("; ", skipped));
    }
}
