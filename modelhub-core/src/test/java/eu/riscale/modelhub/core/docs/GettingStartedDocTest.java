package eu.riscale.modelhub.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/getting-started.md shows what examples/consumer builds: its first program verbatim and the dependency snippets
 * of its pom. verify compiles and runs that project against the installed artifacts (examples/pom.xml), so the page's
 * code is the code that works.
 */
class GettingStartedDocTest {
    private static final Path ROOT = Conformance.buildRoot();

    private static String page() throws IOException {
        return Files.readString(ROOT.resolve("docs/getting-started.md"));
    }

    @Test
    void pageShowsTheFirstProgramVerbatim() throws Exception {
        String program = Files.readString(ROOT.resolve("examples/consumer/src/main/java/example/FirstModel.java"));
        assertThat(page()).contains("```java\n" + program.strip() + "\n```");
    }

    @Test
    void pageShowsTheConsumersMavenSnippets() throws Exception {
        String pom = Files.readString(ROOT.resolve("examples/consumer/pom.xml"));
        List<String> snippets = between(pom, "<!-- docs:start -->\n", "<!-- docs:end -->");
        assertThat(snippets).hasSize(2);
        String version = version();
        for (String snippet : snippets) {
            String shown = unindent(snippet).replace("@project.version@", version);
            assertThat(page()).contains("```xml\n" + shown + "```");
        }
    }

    @Test
    void readmePointsHere() throws Exception {
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("docs/getting-started.md");
    }

    private static List<String> between(String text, String start, String end) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (text.indexOf(start, from) >= 0) {
            int a = text.indexOf(start, from) + start.length();
            int b = text.indexOf(end, a);
            parts.add(text.substring(a, text.lastIndexOf('\n', b) + 1));
            from = b;
        }
        return parts;
    }

    /** Removes the indentation of the first line from every line. */
    private static String unindent(String block) {
        int indent = 0;
        while (block.charAt(indent) == ' ') {
            indent++;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append(line.substring(Math.min(indent, line.length()))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>modelhub-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
