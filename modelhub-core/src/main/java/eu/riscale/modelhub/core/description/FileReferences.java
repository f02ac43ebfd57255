package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.weights.ArchitectureFromFileDescr;
import eu.riscale.modelhub.spec.weights.KerasHdf5WeightsDescr;
import eu.riscale.modelhub.spec.weights.KerasV3WeightsDescr;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.PytorchStateDictWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowJsWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.TorchscriptWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows which fields of a model description refer to files: {@code documentation}, {@code covers},
 * {@code icon} (when it is not an emoji), {@code license} (when it is a custom license file), {@code attachments}, the test and sample tensors of inputs and outputs, and
 * per weights entry its {@code source}, the {@code architecture} file of PyTorch state-dict weights, the
 * {@code dependencies} file and the ONNX {@code external_data}, and the Python file of a {@code custom} postprocessing
 * step. I/O validation, packaging and {@code update-hashes}
 * all go through it.
 *
 * <pre>{@code
 * for (FileReference ref : FileReferences.of(model)) {
 *     System.out.println(ref.loc() + " -> " + ref.source());
 * }
 * ModelDescr moved = FileReferences.rewrite(model, ref -> ref.withSource("files/" + ref.source()));
 * }</pre>
 *
 * <p>References are listed in a fixed order: documentation, covers, icon, license, attachments, inputs, outputs, then weights in
 * the order of {@link eu.riscale.modelhub.spec.weights.WeightsFormat}.
 */
public final class FileReferences {
    private FileReferences() {}

    /**
     * Lists every file reference of a description.
     *
     * @param model the description
     * @return the references, in the order described above
     */
    public static List<FileReference> of(ModelDescr model) {
        List<FileReference> found = new ArrayList<>();
        new Walk(ref -> {
                    found.add(ref);
                    return ref;
                })
                .model(model);
        return List.copyOf(found);
    }

    /**
     * Builds a description with changed file references: {@code change} is called for every reference in the order
     * of {@link #of} and its result replaces source and sha256 of that field.
     *
     * @param model the description
     * @param change gives the new reference; it must keep the {@link FileReference#loc() location}
     * @return the changed description; fields that were not changed keep their values
     * @throws IllegalArgumentException if {@code change} returns a reference of another location
     */
    public static ModelDescr rewrite(ModelDescr model, UnaryOperator<FileReference> change) {
        return new Walk(change).model(model);
    }

    /** Walks a description once, replacing every reference with the result of {@code change}. */
    private static final class Walk {
        private final UnaryOperator<FileReference> change;

        Walk(UnaryOperator<FileReference> change) {
            this.change = change;
        }

        private FileReference apply(FileReference ref) {
            FileReference changed = Objects.requireNonNull(change.apply(ref), "change returned null");
            if (!changed.loc().equals(ref.loc()) || changed.hasSha256Field() != ref.hasSha256Field()) {
                throw new IllegalArgumentException(
                        "change must keep the location " + ref.loc() + ", found " + changed.loc());
            }
            return changed;
        }

        private String path(String loc, String source) {
            return apply(new FileReference(loc, source, null, false)).source();
        }

        private FileDescr pathOrFile(String loc, FileDescr file, boolean descriptor) {
            return descriptor || file.sha256() != null ? file(loc, file) : FileDescr.of(path(loc, file.source()));
        }

        private FileDescr file(String loc, FileDescr file) {
            FileReference r = apply(new FileReference(loc, file.source(), file.sha256(), true));
            return new FileDescr(r.source(), r.sha256());
        }

        private @Nullable FileDescr optionalFile(String loc, @Nullable FileDescr file) {
            return file == null ? null : file(loc, file);
        }

        ModelDescr model(ModelDescr m) {
            ModelDescr.Builder b = m.toBuilder();
            // covers and documentation carry a checksum only since format 0.5.11 (before, they are plain paths)
            boolean descriptors = FormatVersion.requiresFileDescriptors(m.formatVersion());
            FileDescr doc = m.documentation();
            b.documentation(doc == null ? null : pathOrFile("documentation", doc, descriptors));
            List<FileDescr> covers = new ArrayList<>();
            for (int i = 0; i < m.covers().size(); i++) {
                covers.add(pathOrFile("covers." + i, m.covers().get(i), descriptors));
            }
            b.covers(covers);
            if (m.icon() instanceof FileDescr) {
                b.icon(pathOrFile("icon", (FileDescr) m.icon(), descriptors));
            }
            if (m.license() instanceof FileDescr) {
                b.license(file("license", (FileDescr) m.license()));
            }
            List<FileDescr> attachments = new ArrayList<>();
            for (int i = 0; i < m.attachments().size(); i++) {
                attachments.add(file("attachments." + i, m.attachments().get(i)));
            }
            b.attachments(attachments);
            List<InputTensorDescr> inputs = new ArrayList<>();
            for (int i = 0; i < m.inputs().size(); i++) {
                InputTensorDescr t = m.inputs().get(i);
                inputs.add(t.toBuilder()
                        .testTensor(optionalFile("inputs." + i + ".test_tensor", t.testTensor()))
                        .sampleTensor(optionalFile("inputs." + i + ".sample_tensor", t.sampleTensor()))
                        .build());
            }
            b.inputs(inputs);
            List<OutputTensorDescr> outputs = new ArrayList<>();
            for (int i = 0; i < m.outputs().size(); i++) {
                OutputTensorDescr t = m.outputs().get(i);
                List<PostprocessingDescr> steps = new ArrayList<>();
                for (int k = 0; k < t.postprocessing().size(); k++) {
                    PostprocessingDescr step = t.postprocessing().get(k);
                    if (step instanceof CustomPostprocessingDescr) {
                        CustomPostprocessingDescr c = (CustomPostprocessingDescr) step;
                        FileReference r = entry("outputs." + i + ".postprocessing." + k, c.source(), c.sha256());
                        step = new CustomPostprocessingDescr(r.source(), r.sha256(), c.callable(), c.kwargs());
                    }
                    steps.add(step);
                }
                outputs.add(t.toBuilder()
                        .testTensor(optionalFile("outputs." + i + ".test_tensor", t.testTensor()))
                        .sampleTensor(optionalFile("outputs." + i + ".sample_tensor", t.sampleTensor()))
                        .postprocessing(steps)
                        .build());
            }
            b.outputs(outputs);
            b.weights(weights(m.weights()));
            return b.build();
        }

        private WeightsDescr weights(WeightsDescr w) {
            WeightsDescr.Builder b = w.toBuilder();
            KerasHdf5WeightsDescr keras = w.kerasHdf5();
            if (keras != null) {
                FileReference r = entry("weights.keras_hdf5", keras.source(), keras.sha256());
                b.kerasHdf5(
                        keras.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            KerasV3WeightsDescr kerasV3 = w.kerasV3();
            if (kerasV3 != null) {
                FileReference r = entry("weights.keras_v3", kerasV3.source(), kerasV3.sha256());
                b.kerasV3(kerasV3.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .build());
            }
            OnnxWeightsDescr onnx = w.onnx();
            if (onnx != null) {
                FileReference r = entry("weights.onnx", onnx.source(), onnx.sha256());
                b.onnx(onnx.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .externalData(optionalFile("weights.onnx.external_data", onnx.externalData()))
                        .build());
            }
            PytorchStateDictWeightsDescr pytorch = w.pytorchStateDict();
            if (pytorch != null) {
                FileReference r = entry("weights.pytorch_state_dict", pytorch.source(), pytorch.sha256());
                PytorchStateDictWeightsDescr.Builder pb = pytorch.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .dependencies(optionalFile("weights.pytorch_state_dict.dependencies", pytorch.dependencies()));
                if (pytorch.architecture() instanceof ArchitectureFromFileDescr) {
                    ArchitectureFromFileDescr arch = (ArchitectureFromFileDescr) pytorch.architecture();
                    FileReference a = entry("weights.pytorch_state_dict.architecture", arch.source(), arch.sha256());
                    pb.architecture(arch.toBuilder()
                            .source(a.source())
                            .sha256(a.sha256())
                            .build());
                }
                b.pytorchStateDict(pb.build());
            }
            TensorflowJsWeightsDescr tfjs = w.tensorflowJs();
            if (tfjs != null) {
                FileReference r = entry("weights.tensorflow_js", tfjs.source(), tfjs.sha256());
                b.tensorflowJs(
                        tfjs.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            TensorflowSavedModelBundleWeightsDescr tf = w.tensorflowSavedModelBundle();
            if (tf != null) {
                FileReference r = entry("weights.tensorflow_saved_model_bundle", tf.source(), tf.sha256());
                b.tensorflowSavedModelBundle(tf.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .dependencies(
                                optionalFile("weights.tensorflow_saved_model_bundle.dependencies", tf.dependencies()))
                        .build());
            }
            TorchscriptWeightsDescr ts = w.torchscript();
            if (ts != null) {
                FileReference r = entry("weights.torchscript", ts.source(), ts.sha256());
                b.torchscript(
                        ts.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            return b.build();
        }

        private FileReference entry(String loc, String source, @Nullable String sha256) {
            return apply(new FileReference(loc, source, sha256, true));
        }
    }
}
