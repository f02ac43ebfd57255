package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.inference.internal.DjlRunner;
import eu.riscale.modelhub.core.inference.internal.NativeEngine;
import eu.riscale.modelhub.core.resource.FileSource;
import eu.riscale.modelhub.core.resource.LocalFile;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsEntryDescr;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Picks and loads the first runnable weights in priority order, collecting why the others were skipped. */
final class WeightsSelection {
    /** The formats that have a Java engine here. */
    static final List<WeightsFormat> RUNNABLE = List.of(WeightsFormat.TORCHSCRIPT, WeightsFormat.ONNX);

    /** Where weights files are found: a resource root or a plain folder. */
    interface WeightsFiles {
        /** Returns a local file for a reference, copying it out of a zip or cache when needed (then temporary). */
        Local local(String reference) throws IOException;
    }

    /** A local weights file, temporary when it was copied. */
    record Local(Path path, boolean temporary) {}

    /** The loaded runner, its format and the temporary file to delete on close. */
    record Loaded(
            DjlRunner runner,
            WeightsFormat format,
            @Nullable Path temporary) {}

    private WeightsSelection() {}

    static WeightsFiles of(ResourceRoot root) {
        return reference -> {
            FileSource file = root.resolve(reference);
            if (file instanceof LocalFile) {
                return new Local(((LocalFile) file).path(), false);
            }
            String name = file.fileName();
            int dot = name.lastIndexOf('.');
            Path tmp = Files.createTempFile("modelhub-weights-", dot < 0 ? "" : name.substring(dot));
            try (InputStream in = file.open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return new Local(tmp, true);
        };
    }

    static WeightsFiles of(Path folder) {
        Path base = folder.toAbsolutePath().normalize();
        return reference -> {
            if (reference.contains("://")) {
                throw new IOException("weights at " + reference + " are remote; open the description through a"
                        + " ResourceRoot to download them");
            }
            Path p = base.resolve(reference).normalize();
            if (!p.startsWith(base)) {
                throw new IOException("weights reference " + reference + " leaves the folder " + base);
            }
            return new Local(p, false);
        };
    }

    static @Nullable WeightsEntryDescr entry(WeightsDescr w, WeightsFormat format) {
        switch (format) {
            case TORCHSCRIPT:
                return w.torchscript();
            case ONNX:
                return w.onnx();
            case PYTORCH_STATE_DICT:
                return w.pytorchStateDict();
            case TENSORFLOW_SAVED_MODEL_BUNDLE:
                return w.tensorflowSavedModelBundle();
            case TENSORFLOW_JS:
                return w.tensorflowJs();
            case KERAS_HDF5:
                return w.kerasHdf5();
            default:
                throw new AssertionError(format);
        }
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

    static Loaded load(ModelDescr model, WeightsFiles files, List<WeightsFormat> priority, boolean gpu)
            throws UnsupportedWeightsException {
        List<String> skipped = new ArrayList<>();
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
                local = files.local(entry.source());
                DjlRunner runner = DjlRunner.load(local.path(), engine, gpu);
                return new Loaded(runner, format, local.temporary() ? local.path() : null);
            } catch (IOException | IllegalStateException e) {
                skipped.add(format + ": " + e.getMessage());
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
