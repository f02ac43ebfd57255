package eu.riscale.modelhub.core.description.codec;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.core.description.Descriptions;
import eu.riscale.modelhub.core.description.FileReference;
import eu.riscale.modelhub.core.description.FileReferences;
import eu.riscale.modelhub.core.validation.SourceValidation;
import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.common.FileDescr;
import eu.riscale.modelhub.spec.common.Icon;
import eu.riscale.modelhub.spec.common.License;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: since format 0.5.11 {@code license} may be a custom license file and {@code icon} (when not an emoji) is a
 * file descriptor, as the 0.5.13 JSON schema has them ({@code anyOf: [SPDX ids, FileDescr, null]} and {@code anyOf:
 * [string of 1-2 characters, FileDescr, null]}). Older files give the icon file as a plain path.
 */
class LicenseAndIconFiles14Test {
    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static String fixture() throws Exception {
        try (InputStream in = LicenseAndIconFiles14Test.class.getResourceAsStream(
                "/descriptions/format-0.5.14/stardist-keras3.bioimageio.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String with(String license, String icon) throws Exception {
        return fixture().replace("license: BSD-3-Clause\n", license + icon);
    }

    private static List<Diagnostic> issues(String yaml) {
        return SourceValidation.validateFormat(yaml.getBytes(StandardCharsets.UTF_8), "bioimageio.yaml")
                .issues();
    }

    private static List<String> errors(String yaml) {
        return issues(yaml).stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::loc)
                .toList();
    }

    @Test
    void aCustomLicenseFileAndAnIconFileBindValidateAndRoundTrip() throws Exception {
        String yaml = with("license:\n  source: LICENSE.txt\n", "icon:\n  source: icon.png\n  sha256: " + SHA + "\n");
        ModelDescr m = Descriptions.parse(yaml);
        assertThat(m.license()).isEqualTo(FileDescr.of("LICENSE.txt"));
        assertThat(m.icon()).isEqualTo(FileDescr.of("icon.png", SHA));
        assertThat(errors(yaml)).isEmpty();
        // the change log calls a custom license file "not considered FAIR"
        assertThat(issues(yaml)).anySatisfy(d -> {
            assertThat(d.loc()).isEqualTo("license");
            assertThat(d.severity()).isEqualTo(Severity.ALERT);
            assertThat(d.message()).contains("custom license file");
        });
        String written = Descriptions.toYaml(m);
        assertThat(written).contains("license:\n  source: LICENSE.txt\n").contains("icon:\n  source: icon.png\n");
        assertThat(Descriptions.parse(written)).isEqualTo(m);
    }

    @Test
    void anSpdxIdAndAnEmojiStayPlainStrings() throws Exception {
        String yaml = with("license: MIT\n", "icon: \"🦈\"\n");
        ModelDescr m = Descriptions.parse(yaml);
        assertThat(m.license()).isEqualTo(License.of("MIT"));
        assertThat(m.icon()).isEqualTo(Icon.emoji("🦈"));
        assertThat(errors(yaml)).isEmpty();
        String written = Descriptions.toYaml(m);
        assertThat(written).contains("license: MIT\n").containsPattern("icon: \"?🦈\"?\n");
        assertThat(Descriptions.parse(written)).isEqualTo(m);
    }

    @Test
    void brokenLicensesAndIconsAreRejectedAtTheirPath() throws Exception {
        // an unknown SPDX id is reported at the key itself, not at a record component
        assertThat(errors(with("license: Not-A-License\n", ""))).containsExactly("license");
        assertThat(errors(with("license:\n  - MIT\n", ""))).containsExactly("license");
        assertThat(errors(with("license:\n  sha256: " + SHA + "\n", ""))).containsExactly("license.source");
        assertThat(errors(with("license:\n  source: LICENSE.txt\n  title: x\n", "")))
                .containsExactly("license.title");
        assertThat(errors(with("license:\n  source: rdf.yaml\n", ""))).containsExactly("license.source");
        // from 0.5.11 an icon longer than 2 characters must be a file descriptor
        assertThat(errors(with("license: MIT\n", "icon: icon.png\n"))).containsExactly("icon");
        assertThat(errors(with("license: MIT\n", "icon:\n  source: bioimageio.yaml\n")))
                .containsExactly("icon.source");
        assertThat(errors(with("license: MIT\n", "icon:\n  source: icon.png\n  sha256: abc\n")))
                .containsExactly("icon.sha256");
    }

    @Test
    void olderFilesGiveTheIconFileAsAPlainPath() throws Exception {
        String old = with("license: MIT\n", "icon: icon.png\n")
                .replace("format_version: 0.5.14", "format_version: 0.5.7")
                .replace("  - source: cover.png\n", "  - cover.png\n")
                .replace("documentation:\n  source: README.md\n", "documentation: README.md\n");
        ModelDescr m = Descriptions.parse(old);
        assertThat(m.icon()).isEqualTo(FileDescr.of("icon.png"));
        assertThat(errors(old)).isEmpty();
        String written = Descriptions.toYaml(m);
        assertThat(written).contains("icon: icon.png\n");
        assertThat(Descriptions.parse(written)).isEqualTo(m);
        // an emoji of two characters stays an emoji; a reserved file name is located at the plain path
        assertThat(Descriptions.parse(old.replace("icon: icon.png", "icon: ab")).icon())
                .isEqualTo(Icon.emoji("ab"));
        assertThat(errors(old.replace("icon: icon.png", "icon: rdf.yaml"))).containsExactly("icon");
        // update-format writes the icon as a file descriptor
        assertThat(Descriptions.toYaml(m.toLatestFormat())).contains("icon:\n  source: icon.png\n");
    }

    @Test
    void theLicenseAndIconFilesAreFileReferences() throws Exception {
        ModelDescr m = Descriptions.parse(
                with("license:\n  source: LICENSE.txt\n", "icon:\n  source: icon.png\n  sha256: " + SHA + "\n"));
        assertThat(FileReferences.of(m))
                .contains(
                        new FileReference(Location.of("icon"), "icon.png", SHA, true),
                        new FileReference(Location.of("license"), "LICENSE.txt", null, true));
        ModelDescr moved = FileReferences.rewrite(m, r -> r.withSource("files/" + r.source()));
        assertThat(moved.license()).isEqualTo(FileDescr.of("files/LICENSE.txt"));
        assertThat(moved.icon()).isEqualTo(FileDescr.of("files/icon.png", SHA));
        // an SPDX id and an emoji are not files
        ModelDescr plain = m.toBuilder().license("MIT").icon("🦈").build();
        assertThat(FileReferences.of(plain))
                .extracting((FileReference r) -> r.location().toString())
                .doesNotContain("icon", "license");
    }
}
