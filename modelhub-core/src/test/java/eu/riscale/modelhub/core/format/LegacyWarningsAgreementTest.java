package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For the 0.3/0.4 files the reference calls valid, the warning locations of the legacy checks equal the reference's,
 * except for the known difference below.
 */
class LegacyWarningsAgreementTest {
    /** Reference warning messages the legacy checks do not produce, with the reason. */
    static final String UNKNOWN_LICENSE = "Unknown license id";
    // reason: needs the SPDX license list (699 ids); left to the 0.5 validator, which needs the same list

    @Test
    void warningLocationsMatchTheReference() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        for (String line : Files.readAllLines(Conformance.dir().resolve("expected.jsonl"))) {
            JsonNode expected = json.readTree(line);
            JsonNode version = expected.path("declared_format_version");
            boolean old = version.isString()
                    && (version.stringValue().startsWith("0.3")
                            || version.stringValue().startsWith("0.4"));
            if (!old || !expected.get("status").stringValue().equals("valid")) {
                continue;
            }
            files++;
            String file = expected.get("file").stringValue();
            ConversionResult result = FormatConversion.toLatest(
                    YamlTrees.read(Conformance.corpus().resolve(file)));
            Set<String> ours = new TreeSet<>();
            result.problems().stream().filter(p -> !p.isError()).forEach(p -> ours.add(p.loc()));
            Set<String> theirs = new TreeSet<>();
            for (JsonNode w : expected.get("warnings")) {
                if (!w.get("msg").stringValue().startsWith(UNKNOWN_LICENSE)) {
                    theirs.add(w.get("loc").stringValue());
                }
            }
            if (!ours.equals(theirs)) {
                mismatches.add(file + ": ours " + ours + ", reference " + theirs);
            }
        }
        assertThat(files).isEqualTo(93);
        assertThat(mismatches).isEmpty();
    }
}
