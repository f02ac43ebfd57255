package eu.riscale.modelhub.spec.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: tensor ids, axis ids and 0.4 tensor names are the reference's {@code LowerCaseIdentifier}, whose lower-case
 * test is Python's {@code str.islower()}: {@code _1} is an identifier but has no cased character, so the reference
 * rejects it. The expected verdicts were computed by Python ({@code identifiers/lower-case-identifiers.tsv}).
 */
class LowerCaseIdentifier14Test {
    private record Case(String candidate, boolean accepted) {}

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in =
                        LowerCaseIdentifier14Test.class.getResourceAsStream("/identifiers/lower-case-identifiers.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                StringBuilder s = new StringBuilder();
                for (String cp : cols[0].isEmpty() ? new String[0] : cols[0].split(" ")) {
                    s.appendCodePoint(Integer.parseInt(cp.substring(2), 16));
                }
                cases.add(new Case(s.toString(), Boolean.parseBoolean(cols[1])));
            }
        }
        return cases;
    }

    @Test
    void lowerCaseIdentifiersAreJudgedAsPythonJudgesThem() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(40);
        List<String> disagreements = new ArrayList<>();
        for (Case c : cases) {
            boolean ours = ValueTypes.isIdentifier(c.candidate()) && ValueTypes.isLowerCase(c.candidate());
            if (ours != c.accepted()) {
                disagreements.add("'" + c.candidate() + "': Python " + c.accepted() + ", SDK " + ours);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void anIdWithoutALetterIsNotLowerCase() {
        assertThat(ValueTypes.isLowerCase("_1")).isFalse();
        assertThat(ValueTypes.isLowerCase("a_1")).isTrue();
    }
}
