package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import eu.riscale.modelhub.spec.validation.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures how often the legacy checks agree with the reference verdicts of {@code expected.jsonl} on files that are
 * not format 0.5. The final verdict also needs the 0.5 validation of the converted tree (a separate component), so
 * files the reference rejects only for 0.5 rules are listed as known differences with their reason.
 */
class LegacyVerdictAgreementTest {
    /**
     * Files (by name) where the legacy checks alone disagree with the reference, with the reason. They are expected to
     * agree once the 0.5 validator runs on the converted tree, unless the reason says otherwise.
     */
    static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    record Verdict(
            String file,
            String version,
            boolean referenceInvalid,
            boolean ourInvalid,
            boolean sameLocation,
            String detail) {}

    /** {@return whether one of our error locations equals one of the reference's (leading YAML keys compared)} */
    static boolean sameLocation(List<Diagnostic> ours, JsonNode referenceErrors) {
        for (JsonNode e : referenceErrors) {
            String loc = keysOnly(e.path("loc").asString(""));
            for (Diagnostic p : ours) {
                if (p.isError() && keysOnly(p.loc()).equals(loc)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void errorLocationsOfInvalidOldFilesMatchTheReference() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> mismatches = new ArrayList<>();
        int files = 0;
        for (String line : Files.readAllLines(Conformance.dir().resolve("expected.jsonl"))) {
            JsonNode expected = json.readTree(line);
            JsonNode version = expected.path("declared_format_version");
            boolean old = version.isString()
                    && (version.stringValue().startsWith("0.3")
                            || version.stringValue().startsWith("0.4"));
            if (!old || expected.get("status").stringValue().equals("valid")) {
                continue;
            }
            files++;
            String file = expected.get("file").stringValue();
            ConversionResult result = FormatConversion.toLatest(
                    YamlTrees.read(Conformance.corpus().resolve(file)));
            java.util.Set<String> ours = new java.util.TreeSet<>();
            result.errors().forEach(p -> ours.add(p.loc()));
            java.util.Set<String> theirs = new java.util.TreeSet<>();
            expected.get("errors").forEach(e -> theirs.add(keysOnly(e.get("loc").stringValue())));
            if (!ours.equals(theirs)) {
                mismatches.add(file + ": ours " + result.errors() + ", reference " + theirs);
            }
        }
        assertThat(files).isEqualTo(73);
        assertThat(mismatches).isEmpty();
    }

    private static String keysOnly(String loc) {
        StringBuilder b = new StringBuilder();
        for (String part : loc.split("\\.")) {
            if (part.contains("[") || part.contains("(")) {
                break;
            }
            b.append(b.length() == 0 ? "" : ".").append(part);
        }
        return b.toString();
    }

    @Test
    void legacyChecksAgreeWithReferenceVerdicts() throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(Conformance.dir().resolve("expected.jsonl"))) {
            JsonNode expected = json.readTree(line);
            String version = expected.path("declared_format_version").asString("");
            if (version.startsWith("0.5")) {
                continue;
            }
            String file = expected.get("file").stringValue();
            boolean referenceInvalid = !expected.get("status").stringValue().equals("valid");
            boolean ourInvalid;
            boolean sameLocation = false;
            String detail;
            try {
                JsonNode tree = YamlTrees.read(Conformance.corpus().resolve(file));
                ConversionResult result = FormatConversion.toLatest(tree);
                ourInvalid = result.hasErrors();
                sameLocation = sameLocation(result.problems(), expected.get("errors"));
                detail = result.errors().toString();
            } catch (RuntimeException e) {
                ourInvalid = true;
                detail = "YAML error: " + e.getMessage().lines().findFirst().orElse("");
            }
            verdicts.add(new Verdict(
                    file,
                    version,
                    referenceInvalid,
                    ourInvalid,
                    sameLocation,
                    detail + " | reference: " + expected.get("errors")));
        }
        List<Verdict> disagreements = verdicts.stream()
                .filter(v -> v.referenceInvalid() != v.ourInvalid())
                .toList();
        System.out.printf(
                "legacy verdict agreement: %d of %d non-0.5 files (%.1f%%)%n",
                verdicts.size() - disagreements.size(),
                verdicts.size(),
                100.0 * (verdicts.size() - disagreements.size()) / verdicts.size());
        disagreements.forEach(v -> System.out.println("DISAGREE " + v));
        List<Verdict> bothInvalid = verdicts.stream()
                .filter(v -> v.referenceInvalid() && v.ourInvalid())
                .toList();
        long located = bothInvalid.stream().filter(Verdict::sameLocation).count();
        System.out.printf(
                "both invalid: %d, with an error at a location the reference also reports: %d%n",
                bothInvalid.size(), located);
        bothInvalid.stream().filter(v -> !v.sameLocation()).forEach(v -> System.out.println("OTHER-LOCATION " + v));
        // measured 2026-11-23: 83 files invalid for both, 81 with a common error location; the other 2 are a YAML
        // syntax error and a missing format_version, which the reference reports at the document root
        assertThat(located).isGreaterThanOrEqualTo(81);
        assertThat(disagreements.stream().map(Verdict::file).filter(f -> !KNOWN_DIFFERENCES.containsKey(f)))
                .isEmpty();
    }
}
