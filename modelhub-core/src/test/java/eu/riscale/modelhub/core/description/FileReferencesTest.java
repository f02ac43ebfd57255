package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.weights.OnnxWeightsDescr;
import eu.riscale.modelhub.spec.weights.TensorflowSavedModelBundleWeightsDescr;
import eu.riscale.modelhub.spec.weights.WeightsDescr;
import org.junit.jupiter.api.Test;

/** Every file reference of a description is listed once, with its location, and can be rewritten. */
class FileReferencesTest {
    private static ModelDescr nuclei() throws Exception {
        return Descriptions.read(Conformance.model("unet2d_nuclei_broad").resolve("bioimageio.yaml"));
    }

    @Test
    void listsEveryReferenceOfTheNucleiModel() throws Exception {
        assertThat(FileReferences.of(nuclei()))
                .containsExactly(
                        new FileReference(Location.of("documentation"), "README.md", null, false),
                        new FileReference(Location.of("covers", 0), "cover0.png", null, false),
                        new FileReference(
                                Location.of("inputs", 0, "test_tensor"),
                                "test_input.npy",
                                "92768a2e0f2643c80b57afa5494019a5aafe5b0d92fe36ae740763adf3594a57",
                                true),
                        new FileReference(
                                Location.of("inputs", 0, "sample_tensor"),
                                "test_input.png",
                                "8771f558305dd89f4a85fe659e8ef5e116c94d64e668dc23b9282fda3fe9cce8",
                                true),
                        new FileReference(
                                Location.of("outputs", 0, "test_tensor"),
                                "test_output.npy",
                                "39925fb38bc74530902e44bf8e43a8bd0a9e3675aab758d89f47dc66cb9818ed",
                                true),
                        new FileReference(
                                Location.of("outputs", 0, "sample_tensor"),
                                "test_output.png",
                                "7bce8b53bcd0a12487a61f953aafe0f3700652848980d1083964c5bcb9555eec",
                                true),
                        new FileReference(
                                Location.of("weights", "onnx"),
                                "weights.onnx",
                                "85f5ac80fa977fea3562ef97c8c5950288be2c4f4cdb5d994807df97008ce088",
                                true),
                        new FileReference(
                                Location.of("weights", "pytorch_state_dict"),
                                "http://files.ilastik.org/bioimageio_test/unet2d_nuclei_broad_weights.torch",
                                "e4d3885bccbe41cbf6c1d825f3cd2b707c7021ead5593156007e407a16b27cf2",
                                true),
                        new FileReference(
                                Location.of("weights", "pytorch_state_dict", "dependencies"),
                                "environment.yaml",
                                "129d589d2ec801398719b1a6d1bf20ea36b3632f14ccb56a24700df7d719fd10",
                                true),
                        new FileReference(
                                Location.of("weights", "pytorch_state_dict", "architecture"),
                                "unet2d.py",
                                "d00721e7d00f55222e8cbf90019dd85ce9df0ae42fd46a07f0e6ea45729b310d",
                                true),
                        new FileReference(
                                Location.of("weights", "torchscript"),
                                "weights.pt",
                                "a4b0659a1b48454588b12179855ad0a0c9b69ccaa89b8bb06e6271e8f60b02fe",
                                true));
    }

    @Test
    void rewriteChangesEveryReferenceAndNothingElse() throws Exception {
        ModelDescr model = nuclei();
        ModelDescr moved = FileReferences.rewrite(
                model, r -> r.withSource("files/" + r.source()).withSha256(null));
        assertThat(FileReferences.of(moved)).allSatisfy(r -> {
            assertThat(r.source()).startsWith("files/");
            assertThat(r.sha256()).isNull();
        });
        ModelDescr back = FileReferences.rewrite(moved, r -> {
            FileReference original = FileReferences.of(model).stream()
                    .filter(o -> o.location().toString().equals(r.location().toString()))
                    .findFirst()
                    .orElseThrow();
            return r.withSource(original.source()).withSha256(original.sha256());
        });
        assertThat(back).isEqualTo(model);
        assertThat(FileReferences.rewrite(model, r -> r)).isEqualTo(model);
    }

    @Test
    void iconIsAFileOnlyWhenItIsNotAnEmojiAndOtherWeightsFilesAreFound() throws Exception {
        ModelDescr model = nuclei().toBuilder()
                .icon("🦈")
                .attachments(FileDescr.of("extra/notes.txt"))
                .weights(WeightsDescr.builder()
                        .onnx(OnnxWeightsDescr.builder()
                                .source("w.onnx")
                                .opsetVersion(17)
                                .externalData(FileDescr.of("w.onnx.data"))
                                .build())
                        .tensorflowSavedModelBundle(TensorflowSavedModelBundleWeightsDescr.builder()
                                .source("tf.zip")
                                .tensorflowVersion("2.15")
                                .dependencies(FileDescr.of("env.yaml"))
                                .build())
                        .build())
                .build();
        assertThat(FileReferences.of(model))
                .extracting((FileReference r) -> r.location().toString())
                .containsExactly(
                        "documentation",
                        "covers.0",
                        "attachments.0",
                        "inputs.0.test_tensor",
                        "inputs.0.sample_tensor",
                        "outputs.0.test_tensor",
                        "outputs.0.sample_tensor",
                        "weights.onnx",
                        "weights.onnx.external_data",
                        "weights.tensorflow_saved_model_bundle",
                        "weights.tensorflow_saved_model_bundle.dependencies");
        assertThat(FileReferences.of(
                        model.toBuilder().icon(FileDescr.of("icon.png")).build()))
                .contains(new FileReference(Location.of("icon"), "icon.png", null, false));
    }

    @Test
    void rewriteMustKeepTheLocation() throws Exception {
        assertThatThrownBy(() ->
                        FileReferences.rewrite(nuclei(), r -> new FileReference(Location.of("x"), "y", null, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("change must keep the location documentation, found x");
    }

    @Test
    void kerasV3WeightsAndCustomPostprocessingFilesAreReferences() {
        ModelDescr model = eu.riscale.modelhub.core.inference.UnsupportedStepsTestModels.kerasAndCustom();
        assertThat(FileReferences.of(model))
                .extracting((FileReference r) -> r.location().toString(), FileReference::source)
                .contains(
                        org.assertj.core.api.Assertions.tuple("outputs.0.postprocessing.0", "post.py"),
                        org.assertj.core.api.Assertions.tuple("weights.keras_v3", "model.keras"));
        ModelDescr moved = FileReferences.rewrite(model, r -> r.withSource("files/" + r.source()));
        assertThat(moved.weights().kerasV3().source()).isEqualTo("files/model.keras");
        assertThat(((eu.riscale.modelhub.spec.op.CustomPostprocessingDescr)
                                moved.outputs().get(0).postprocessing().get(0))
                        .source())
                .isEqualTo("files/post.py");
    }
}
