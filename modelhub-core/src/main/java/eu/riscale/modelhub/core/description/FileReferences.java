package eu.riscale.modelhub.core.description;

import eu.riscale.modelhub.spec.FormatVersion;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.DatasetDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.op.CustomPostprocessingDescr;
import eu.riscale.modelhub.spec.op.PostprocessingDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import eu.riscale.modelhub.spec.tensor.OutputTensorDescr;
import eu.riscale.modelhub.spec.validation.Location;
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
 *     System.out.println(ref.location() + " -> " + ref.source());
 * }
 * ModelDescr moved = FileReferences.rewrite(model, ref -> ref.withSource("files/" + ref.source()));
 * }</pre>
 *
 * <p>References are listed in a fixed order: documentation, covers, icon, license, attachments, inputs, outputs, then weights in
 * the order of {@link eu.riscale.modelhub.spec.weights.WeightsFormat}, then the documentation, covers, icon, license and
 * attachments of an embedded training dataset description ({@code training_data.covers.0}, ...).
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
     * @param change gives the new reference; it must keep the {@link FileReference#location() location}
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
            if (!changed.location().equals(ref.location()) || changed.hasSha256Field() != ref.hasSha256Field()) {
                throw new IllegalArgumentException(
                        "change must keep the location " + ref.location() + ", found " + changed.location());
            }
            return changed;
        }

        private String path(Location loc, String source) {
            return apply(new FileReference(loc, source, null, false)).source();
        }

        private FileDescr pathOrFile(Location loc, FileDescr file, boolean descriptor) {
            return descriptor || file.sha256() != null ? file(loc, file) : FileDescr.of(path(loc, file.source()));
        }

        private FileDescr file(Location loc, FileDescr file) {
            FileReference r = apply(new FileReference(loc, file.source(), file.sha256(), true));
            return new FileDescr(r.source(), r.sha256());
        }

        private @Nullable FileDescr optionalFile(Location loc, @Nullable FileDescr file) {
            return file == null ? null : file(loc, file);
        }

        ModelDescr model(ModelDescr m) {
            ModelDescr.Builder b = m.toBuilder();
            // covers and documentation carry a checksum only since format 0.5.11 (before, they are plain paths)
            boolean descriptors = FormatVersion.requiresFileDescriptors(m.formatVersion());
            GenericFiles own = generic(
                    Location.ROOT, m.documentation(), m.covers(), m.icon(), m.license(), m.attachments(), descriptors);
            b.documentation(own.documentation())
                    .covers(own.covers())
                    .icon(own.icon())
                    .license(own.license())
                    .attachments(own.attachments());
            List<InputTensorDescr> inputs = new ArrayList<>();
            for (int i = 0; i < m.inputs().size(); i++) {
                InputTensorDescr t = m.inputs().get(i);
                Location at = Location.of("inputs", i);
                inputs.add(t.toBuilder()
                        .testTensor(optionalFile(at.key("test_tensor"), t.testTensor()))
                        .sampleTensor(optionalFile(at.key("sample_tensor"), t.sampleTensor()))
                        .build());
            }
            b.inputs(inputs);
            List<OutputTensorDescr> outputs = new ArrayList<>();
            for (int i = 0; i < m.outputs().size(); i++) {
                OutputTensorDescr t = m.outputs().get(i);
                Location at = Location.of("outputs", i);
                List<PostprocessingDescr> steps = new ArrayList<>();
                for (int k = 0; k < t.postprocessing().size(); k++) {
                    PostprocessingDescr step = t.postprocessing().get(k);
                    if (step instanceof CustomPostprocessingDescr) {
                        CustomPostprocessingDescr c = (CustomPostprocessingDescr) step;
                        FileReference r = entry(at.key("postprocessing").index(k), c.source(), c.sha256());
                        step = new CustomPostprocessingDescr(r.source(), r.sha256(), c.callable(), c.kwargs());
                    }
                    steps.add(step);
                }
                outputs.add(t.toBuilder()
                        .testTensor(optionalFile(at.key("test_tensor"), t.testTensor()))
                        .sampleTensor(optionalFile(at.key("sample_tensor"), t.sampleTensor()))
                        .postprocessing(steps)
                        .build());
            }
            b.outputs(outputs);
            b.weights(weights(m.weights()));
            if (m.trainingData() instanceof DatasetDescr data) {
                // an embedded dataset description (format 0.3) has the same generic file fields as the model
                GenericFiles files = generic(
                        Location.of("training_data"),
                        data.documentation(),
                        data.covers(),
                        data.icon(),
                        data.license(),
                        data.attachments(),
                        descriptors);
                b.trainingData(data.withFiles(
                        files.documentation(), files.covers(), files.icon(), files.license(), files.attachments()));
            }
            return b.build();
        }

        /** The generic file fields of a model or of an embedded dataset description, after the walk. */
        private record GenericFiles(
                @Nullable FileDescr documentation,
                List<FileDescr> covers,
                @Nullable Icon icon,
                @Nullable License license,
                List<FileDescr> attachments) {}

        private GenericFiles generic(
                Location prefix,
                @Nullable FileDescr documentation,
                List<FileDescr> covers,
                @Nullable Icon icon,
                @Nullable License license,
                List<FileDescr> attachments,
                boolean descriptors) {
            FileDescr doc =
                    documentation == null ? null : pathOrFile(prefix.key("documentation"), documentation, descriptors);
            List<FileDescr> walkedCovers = new ArrayList<>();
            for (int i = 0; i < covers.size(); i++) {
                walkedCovers.add(pathOrFile(prefix.key("covers").index(i), covers.get(i), descriptors));
            }
            Icon walkedIcon = icon instanceof FileDescr file ? pathOrFile(prefix.key("icon"), file, descriptors) : icon;
            License walkedLicense = license instanceof FileDescr file ? file(prefix.key("license"), file) : license;
            List<FileDescr> walkedAttachments = new ArrayList<>();
            for (int i = 0; i < attachments.size(); i++) {
                walkedAttachments.add(file(prefix.key("attachments").index(i), attachments.get(i)));
            }
            return new GenericFiles(doc, walkedCovers, walkedIcon, walkedLicense, walkedAttachments);
        }

        private WeightsDescr weights(WeightsDescr w) {
            WeightsDescr.Builder b = w.toBuilder();
            KerasHdf5WeightsDescr keras = w.kerasHdf5();
            if (keras != null) {
                FileReference r = entry(Location.of("weights", "keras_hdf5"), keras.source(), keras.sha256());
                b.kerasHdf5(
                        keras.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            KerasV3WeightsDescr kerasV3 = w.kerasV3();
            if (kerasV3 != null) {
                FileReference r = entry(Location.of("weights", "keras_v3"), kerasV3.source(), kerasV3.sha256());
                b.kerasV3(kerasV3.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .build());
            }
            OnnxWeightsDescr onnx = w.onnx();
            if (onnx != null) {
                FileReference r = entry(Location.of("weights", "onnx"), onnx.source(), onnx.sha256());
                b.onnx(onnx.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .externalData(
                                optionalFile(Location.of("weights", "onnx", "external_data"), onnx.externalData()))
                        .build());
            }
            PytorchStateDictWeightsDescr pytorch = w.pytorchStateDict();
            if (pytorch != null) {
                FileReference r =
                        entry(Location.of("weights", "pytorch_state_dict"), pytorch.source(), pytorch.sha256());
                PytorchStateDictWeightsDescr.Builder pb = pytorch.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .dependencies(optionalFile(
                                Location.of("weights", "pytorch_state_dict", "dependencies"), pytorch.dependencies()));
                if (pytorch.architecture() instanceof ArchitectureFromFileDescr) {
                    ArchitectureFromFileDescr arch = (ArchitectureFromFileDescr) pytorch.architecture();
                    FileReference a = entry(
                            Location.of("weights", "pytorch_state_dict", "architecture"), arch.source(), arch.sha256());
                    pb.architecture(arch.toBuilder()
                            .source(a.source())
                            .sha256(a.sha256())
                            .build());
                }
                b.pytorchStateDict(pb.build());
            }
            TensorflowJsWeightsDescr tfjs = w.tensorflowJs();
            if (tfjs != null) {
                FileReference r = entry(Location.of("weights", "tensorflow_js"), tfjs.source(), tfjs.sha256());
                b.tensorflowJs(
                        tfjs.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            TensorflowSavedModelBundleWeightsDescr tf = w.tensorflowSavedModelBundle();
            if (tf != null) {
                FileReference r =
                        entry(Location.of("weights", "tensorflow_saved_model_bundle"), tf.source(), tf.sha256());
                b.tensorflowSavedModelBundle(tf.toBuilder()
                        .source(r.source())
                        .sha256(r.sha256())
                        .dependencies(optionalFile(
                                Location.of("weights", "tensorflow_saved_model_bundle", "dependencies"),
                                tf.dependencies()))
                        .build());
            }
            TorchscriptWeightsDescr ts = w.torchscript();
            if (ts != null) {
                FileReference r = entry(Location.of("weights", "torchscript"), ts.source(), ts.sha256());
                b.torchscript(
                        ts.toBuilder().source(r.source()).sha256(r.sha256()).build());
            }
            return b.build();
        }

        private FileReference entry(Location loc, String source, @Nullable String sha256) {
            return apply(new FileReference(loc, source, sha256, true));
        }
    }
}
