package eu.riscale.modelhub.spec.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid and invalid examples come from the specifications (ORCID, SPDX, PEP 440, Python), not from this code. */
class ValueTypesTest {
    @ParameterizedTest
    @ValueSource(strings = {"raw", "_x", "input0", "Élan", "channel_0"})
    void identifiers(String s) {
        assertThat(ValueTypes.isIdentifier(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0abc", "class", "None", "a-b", "a b", "x.y"})
    void notIdentifiers(String s) {
        assertThat(ValueTypes.isIdentifier(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"})
    void orcidExamplesFromOrcidDocumentation(String s) {
        assertThat(ValueTypes.isOrcid(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0098", "0000000218250097", "0000-0002-1825-009X", "X000-0002-1825-0097"})
    void badOrcids(String s) {
        assertThat(ValueTypes.isOrcid(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"m", "µm", "nm", "m·s^-1", "kg/m^3", "m*s", "m×s", "mol/L"})
    void siUnits(String s) {
        assertThat(ValueTypes.isSiUnit(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"meter", "furlong", "m/s^-2", "", "m··s", "m × s"})
    void notSiUnits(String s) {
        assertThat(ValueTypes.isSiUnit(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT", "CC-BY-4.0", "BSD-3-Clause", "Apache-2.0", "CC0-1.0", "GPL-2.0+", "GPL-3.0"})
    void spdxIds(String s) {
        assertThat(ValueTypes.isSpdxLicense(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT-License", "mit", "CC BY 4.0", ""})
    void notSpdxIds(String s) {
        assertThat(ValueTypes.isSpdxLicense(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GPL-2.0+", "GPL-3.0", "LGPL-2.1", "eCos-2.0"})
    void deprecatedSpdxIds(String s) {
        assertThat(ValueTypes.isDeprecatedSpdxLicense(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.2", "0.1.0rc1", "2.0.post1", "1.0.dev3", "1!2.0", "1.0+local.7", "v1.0", "1.0a1"})
    void pep440Versions(String s) {
        assertThat(ValueTypes.isVersion(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.x", "1..2", "latest"})
    void notPep440Versions(String s) {
        assertThat(ValueTypes.isVersion(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"affable-shark", "10.5281/zenodo.5764892", "a.b_c-d"})
    void resourceIds(String s) {
        assertThat(ValueTypes.isResourceId(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abc", "abc/", "ABC", "a b", ""})
    void notResourceIds(String s) {
        assertThat(ValueTypes.isResourceId(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/x", "http://localhost:8080/a?b=c"})
    void httpUrls(String s) {
        assertThat(ValueTypes.isHttpUrl(s)).isTrue();
        assertThat(ValueTypes.isFileSource(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "https://", "example.org", "https://exa mple.org"})
    void notHttpUrls(String s) {
        assertThat(ValueTypes.isHttpUrl(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1038/s41592-019-0582-9", "10.5281/zenodo.5764892"})
    void dois(String s) {
        assertThat(ValueTypes.isDoi(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://doi.org/10.1038/x", "10.12/x", "doi:10.1038/x"})
    void notDois(String s) {
        assertThat(ValueTypes.isDoi(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rdf.yaml",
                "bioimageio.yaml",
                "model.yaml",
                "sub/my.bioimageio.yaml",
                "https://example.com/x/unet.rdf.yaml?download=1"
            })
    void descriptionFileNamesAreReserved(String s) {
        assertThat(ValueTypes.isDescriptionFileName(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"weights.pt", "myrdf.yaml", "rdf.yaml/weights.pt", "environment.yaml", "model.yml"})
    void otherFileNamesAreNotReserved(String s) {
        assertThat(ValueTypes.isDescriptionFileName(s)).isFalse();
    }
}
