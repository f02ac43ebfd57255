package eu.riscale.modelhub.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.resource.ResourceException;
import eu.riscale.modelhub.core.resource.ResourceRoot;
import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.ModelDescr;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update-hashes: fills in missing and fixes wrong sha256 values; the expected values are the reference's. */
class HashUpdaterTest {
    /** sha256sum of the bytes "dummy\n". */
    static final String DUMMY_SHA256 = "d3eb539a556352f3f47881d71fb0e5777b2f3e9a4251d283c18c67ce996774b7";

    @TempDir
    Path cache;

    @TempDir
    Path tmp;

    @Test
    void fillsMissingAndFixesWrongValues() throws Exception {
        Path folder = Models.copy("unet2d_multi_tensor", tmp);
        Files.writeString(folder.resolve("multi_tensor_unet.py"), "dummy\n");
        Path yaml = folder.resolve("bioimageio.yaml");
        String text = Files.readString(yaml)
                .replaceAll("(?m)^ *sha256: [0-9a-f]{64}\\r?\\n(?= *source: test_input_)", "")
                .replace(
                        "5a6800f5796e5485525621f0b6846c2a25cee36f60bb6cca74cd5bc2ee259a90",
                        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
        Files.writeString(yaml, text);
        ModelDescr broken = Models.read(folder, Models.offline(cache));
        assertThat(broken.inputs().get(0).testTensor().sha256()).isNull();

        ModelDescr fixed;
        try (ResourceRoot root = ResourceRoot.open(folder, Models.offline(cache))) {
            fixed = HashUpdater.update(broken, root);
        }
        ModelDescr original = Models.read(Conformance.model("unet2d_multi_tensor"), Models.offline(cache));
        ModelDescr expected = FileReferences.rewrite(
                original,
                r -> r.location().toString().equals("weights.pytorch_state_dict.architecture")
                        ? r.withSha256(DUMMY_SHA256)
                        : r);
        assertThat(fixed).isEqualTo(expected);
        assertThat(FileReferences.of(fixed))
                .filteredOn(FileReference::hasSha256Field)
                .allSatisfy(r -> assertThat(r.sha256()).isNotNull());
    }

    @Test
    void missingFileIsNamedWithItsLocation() throws Exception {
        Path folder = Conformance.model("unet2d_multi_tensor");
        try (ResourceRoot root = ResourceRoot.open(folder, Models.offline(cache))) {
            ModelDescr model = Models.read(root);
            assertThatThrownBy(() -> HashUpdater.update(model, root))
                    .isInstanceOf(ResourceException.class)
                    .hasMessage(
                            "weights.pytorch_state_dict.architecture: file 'multi_tensor_unet.py' not found (looked for "
                                    + folder.resolve("multi_tensor_unet.py") + ")");
        }
    }

    @Test
    void uncachedUrlOfflineIsNamedWithItsLocation() throws Exception {
        Path folder = Conformance.model("unet2d_nuclei_broad");
        try (ResourceRoot root = ResourceRoot.open(folder, Models.offline(cache))) {
            ModelDescr model = Models.read(root);
            assertThatThrownBy(() -> HashUpdater.update(model, root))
                    .isInstanceOf(ResourceException.class)
                    .hasMessage("weights.pytorch_state_dict: cannot hash "
                            + PackagerTest.IoValidationUrls.NUCLEI_WEIGHTS
                            + " offline: it is not in the download cache");
        }
    }
}
