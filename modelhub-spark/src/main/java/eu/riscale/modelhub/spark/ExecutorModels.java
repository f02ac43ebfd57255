package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.inference.InferenceException;
import eu.riscale.modelhub.core.inference.PredictionPipeline;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.ModelDescr;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models loaded in this JVM (an executor, or the driver): one {@link PredictionPipeline} per package and
 * settings, loaded by the first task that needs it, shared by all later tasks and threads (a pipeline is thread-safe),
 * and closed when the JVM shuts down.
 */
final class ExecutorModels {
    private static final Map<Key, Loaded> MODELS = new LinkedHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "modelhub-spark-close-models"));
    }

    private ExecutorModels() {}

    private record Key(ModelPackage modelPackage, PipelineSettings settings) {}

    private record Loaded(ResourceRoot root, PredictionPipeline pipeline) {}

    /**
     * {@return this JVM's pipeline for the package and settings, loading it on first use}
     *
     * @throws ModelLoadException when the package cannot be opened or read, or its weights cannot run
     */
    static synchronized PredictionPipeline pipeline(ModelPackage modelPackage, PipelineSettings settings) {
        Key key = new Key(modelPackage, settings);
        Loaded loaded = MODELS.get(key);
        if (loaded == null) {
            loaded = load(modelPackage, settings);
            MODELS.put(key, loaded);
            LOADS.incrementAndGet();
        }
        return loaded.pipeline();
    }

    /**
     * Reads the description of a package without loading its weights.
     *
     * @throws ModelLoadException when the package cannot be opened or its description is invalid
     */
    static ModelDescr description(ModelPackage modelPackage) {
        Path path = modelPackage.localPath();
        try (ResourceRoot root = ResourceRoot.open(path)) {
            return read(root);
        } catch (IOException e) {
            throw new ModelLoadException("cannot open model package " + path + ": " + e.getMessage(), e);
        }
    }

    private static ModelDescr read(ResourceRoot root) throws IOException {
        try {
            return Descriptions.load(
                            new ByteArrayInputStream(root.readDescription()),
                            root.description().location())
                    .requireModel();
        } catch (DescriptionException e) {
            throw new ModelLoadException(
                    "model package " + root.location() + " has no valid model description: " + e.getMessage(), e);
        }
    }

    private static Loaded load(ModelPackage modelPackage, PipelineSettings settings) {
        Path path = modelPackage.localPath();
        ResourceRoot root = null;
        try {
            root = ResourceRoot.open(path);
            ModelDescr model = read(root);
            return new Loaded(root, PredictionPipeline.create(model, root, settings.options()));
        } catch (IOException | InferenceException | RuntimeException e) {
            if (root != null) {
                root.close();
            }
            if (e instanceof ModelLoadException) {
                throw (ModelLoadException) e;
            }
            throw new ModelLoadException("cannot load model package " + path + ": " + e.getMessage(), e);
        }
    }

    /** {@return how many pipelines this JVM has loaded since it started} */
    static int loads() {
        return LOADS.get();
    }

    /** Closes every loaded pipeline; the next use loads again. */
    static void closeAll() {
        List<Loaded> all;
        synchronized (ExecutorModels.class) {
            all = new ArrayList<>(MODELS.values());
            MODELS.clear();
        }
        for (Loaded l : all) {
            l.pipeline().close();
            l.root().close();
        }
    }
}
