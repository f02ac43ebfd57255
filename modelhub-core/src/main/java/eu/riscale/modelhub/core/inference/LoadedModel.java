package eu.riscale.modelhub.core.inference;

import eu.riscale.modelhub.core.description.DescriptionException;
import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.LoadResult;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.weights.WeightsFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model ready to predict, opened with one call from any source: a description file, a package folder, a zip
 * package, an http(s) URL or a published id, of any format version (0.3 and 0.4 are converted to 0.5).
 *
 * <pre>{@code
 * try (LoadedModel model = LoadedModel.open(Path.of("unet2d-nuclei.zip"))) {
 *     model.notes().forEach(n -> System.err.println("converted: " + n));  // empty for format 0.5
 *     Tensor image = Tensor.of(pixels, new int[] {512, 512}, List.of("y", "x"));
 *     Tensor probability = model.predict(image);                      // a model with one input and one output
 * }
 * }</pre>
 *
 * <p>It is the {@link PredictionPipeline} of the description, together with the {@link ResourceRoot} it came from and
 * what reading found on the way ({@link #notes()}, {@link #warnings()}). Options (weights priority, GPU, tiling,
 * memory budget, progress, cancellation) are those of {@link PredictionOptions}; the tiling can also be chosen per
 * call ({@link #predict(Map, Tiling)}).
 *
 * <p>Thread-safety: a loaded model is thread-safe and meant to be shared; threads may call the {@code predict}
 * methods concurrently (each call has its own native scope, see {@link PredictionPipeline}). {@link #close()} frees the
 * native model and the source (a zip keeps its file open); it must not run while predictions are in flight, and
 * {@code predict} after {@code close} throws {@link IllegalStateException}.
 */
public final class LoadedModel implements AutoCloseable {
    private final ResourceRoot root;
    private final LoadResult loaded;
    private final PredictionPipeline pipeline;

    private LoadedModel(ResourceRoot root, LoadResult loaded, PredictionPipeline pipeline) {
        this.root = root;
        this.loaded = loaded;
        this.pipeline = pipeline;
    }

    /**
     * Opens a local source with the default options: weights in {@link WeightsOrder}'s order on the CPU, automatic
     * tiling, hashes verified, the {@link ResourceSettings#defaults() default} download cache and limits.
     *
     * @param source a description file, a package folder or a zip package
     * @return the loaded model; close it
     * @throws IOException as {@link #open(Path, PredictionOptions, ResourceSettings)}
     * @throws DescriptionException as {@link #open(Path, PredictionOptions, ResourceSettings)}
     * @throws InferenceException as {@link #open(Path, PredictionOptions, ResourceSettings)}
     */
    public static LoadedModel open(Path source) throws IOException, DescriptionException, InferenceException {
        return open(source, PredictionOptions.defaults(), ResourceSettings.defaults());
    }

    /**
     * Opens a local source.
     *
     * @param source a description file, a package folder or a zip package
     * @param options weights priority, device, tiling, progress and cancellation
     * @param settings limits, the download cache for remote references and offline mode
     * @return the loaded model; close it
     * @throws IOException when the source cannot be read, is refused (an unsafe zip) or has no description file
     * @throws DescriptionException when the description is not a valid model description, listing every problem
     * @throws UnsupportedWeightsException when no weights can run here, naming the Maven dependency of a missing
     *     engine
     * @throws UnsupportedProcessingException when a processing step is one this SDK does not run
     * @throws InferenceException when the model cannot be loaded otherwise
     */
    public static LoadedModel open(Path source, PredictionOptions options, ResourceSettings settings)
            throws IOException, DescriptionException, InferenceException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        return load(ResourceRoot.open(source, settings), options);
    }

    /**
     * Opens a source given as text with the default options; see {@link #open(String, PredictionOptions,
     * ResourceSettings)}.
     *
     * @param source an http(s) URL, a local path or a published id
     * @return the loaded model; close it
     * @throws IOException as {@link #open(String, PredictionOptions, ResourceSettings)}
     * @throws DescriptionException as {@link #open(String, PredictionOptions, ResourceSettings)}
     * @throws InferenceException as {@link #open(String, PredictionOptions, ResourceSettings)}
     */
    public static LoadedModel open(String source) throws IOException, DescriptionException, InferenceException {
        return open(source, PredictionOptions.defaults(), ResourceSettings.defaults());
    }

    /**
     * Opens a source given as text, as {@link ResourceRoot#open(String, ResourceSettings)} does: an http(s) URL of a
     * description or zip, a local path, or a published id ({@code affable-shark}); remote files go through the
     * download cache of the settings (nothing is downloaded in offline mode).
     *
     * @param source an http(s) URL, a local path or a published id
     * @param options weights priority, device, tiling, progress and cancellation
     * @param settings limits, the download cache, offline mode and the collection index
     * @return the loaded model; close it
     * @throws IOException when the source cannot be opened or downloaded, or is refused
     * @throws DescriptionException when the description is not a valid model description, listing every problem
     * @throws InferenceException when the model cannot be loaded (as {@link #open(Path, PredictionOptions,
     *     ResourceSettings)})
     */
    public static LoadedModel open(String source, PredictionOptions options, ResourceSettings settings)
            throws IOException, DescriptionException, InferenceException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        return load(ResourceRoot.open(source, settings), options);
    }

    /** Reads the description of an opened root and loads its weights; closes the root when that fails. */
    private static LoadedModel load(ResourceRoot root, PredictionOptions options)
            throws IOException, DescriptionException, InferenceException {
        Objects.requireNonNull(options, "options");
        try {
            LoadResult loaded = Descriptions.load(
                    new ByteArrayInputStream(root.readDescription()),
                    root.description().location());
            PredictionPipeline pipeline = PredictionPipeline.create(loaded.requireModel(), root, options);
            return new LoadedModel(root, loaded, pipeline);
        } catch (IOException | DescriptionException | InferenceException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** {@return the description as a format 0.5 model (converted when the source declares 0.3 or 0.4)} */
    public ModelDescr description() {
        return pipeline.model();
    }

    /** {@return the {@code format_version} the source declares, for example {@code 0.4.9}} */
    public @Nullable String declaredFormatVersion() {
        return loaded.declaredFormatVersion();
    }

    /** {@return whether the description was converted from format 0.3 or 0.4} */
    public boolean converted() {
        return loaded.converted();
    }

    /**
     * {@return what the conversion from 0.3/0.4 dropped or changed, with locations in the original document; empty
     * for format 0.5}
     */
    public List<Diagnostic> notes() {
        return loaded.notes();
    }

    /** {@return what reading accepted but is worth a look, such as a normalised axis id; locations in the source} */
    public List<Diagnostic> warnings() {
        return loaded.warnings();
    }

    /** {@return where the description came from, for messages: its file, zip entry or URL} */
    public String source() {
        return loaded.source();
    }

    /**
     * {@return the package the description came from, to read its other files (test inputs, documentation); valid
     * until {@link #close()}}
     */
    public ResourceRoot root() {
        return root;
    }

    /** {@return the pipeline that runs the model: engine, device, weights format and what was skipped} */
    public PredictionPipeline pipeline() {
        return pipeline;
    }

    /** {@return the weights format that was loaded} */
    public WeightsFormat weightsFormat() {
        return pipeline.weightsFormat();
    }

    /**
     * Predicts one sample given as tensors by input id; see {@link PredictionPipeline#predict(Map)}.
     *
     * @param inputs tensors by input id; optional inputs may be absent
     * @return the outputs by output id, with the model's axis ids and order, postprocessed
     * @throws InferenceException as {@link PredictionPipeline#predict(Map)}
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws InferenceException {
        return pipeline.predict(inputs);
    }

    /**
     * Predicts one sample with the given tiling instead of the one of the options.
     *
     * @param inputs tensors by input id
     * @param tiling {@link Tiling#none()}, {@link Tiling#auto()}, a block shape or a size parameter
     * @return the outputs by output id
     * @throws InferenceException as {@link PredictionPipeline#predict(Map)}
     */
    public Map<String, Tensor> predict(Map<String, Tensor> inputs, Tiling tiling) throws InferenceException {
        return pipeline.predict(inputs, tiling);
    }

    /**
     * Predicts with a model of one input and one output. The tensor's axes may come in any order and may leave out the
     * batch axis and a single channel axis.
     *
     * @param input the input tensor
     * @return the output tensor, with the model's axis ids and order
     * @throws InvalidInputException when the model does not have exactly one input and one output, naming them
     * @throws InferenceException as {@link PredictionPipeline#predict(Map)}
     */
    public Tensor predict(Tensor input) throws InferenceException {
        Objects.requireNonNull(input, "input");
        List<String> inputs = ModelAxes.inputIds(description());
        List<String> outputs = ModelAxes.outputIds(description());
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new InvalidInputException(
                    null,
                    null,
                    "predict(Tensor) needs a model with one input and one output; this one has inputs " + inputs
                            + " and outputs " + outputs + ": use predict(Map) with tensors by input id");
        }
        return pipeline.predict(Map.of(inputs.get(0), input)).get(outputs.get(0));
    }

    /**
     * Predicts with a model of one input and one output from a Java array, as {@link #predict(Tensor)}.
     *
     * @param data the values in row-major order
     * @param shape the size of each axis
     * @param axes the axis ids, for example {@code List.of("y", "x")}
     * @return the output tensor; {@link Tensor#toFloatArray()} gives its values
     * @throws IllegalArgumentException when data, shape and axes do not fit together
     * @throws InferenceException as {@link #predict(Tensor)}
     */
    public Tensor predict(float[] data, int[] shape, List<String> axes) throws InferenceException {
        return predict(Tensor.of(data, shape, axes));
    }

    /** Frees the native model, its temporary weights copy and the source; idempotent. */
    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            root.close();
        }
    }

    @Override
    public String toString() {
        return "LoadedModel[" + loaded.source() + ", " + pipeline + "]";
    }
}
