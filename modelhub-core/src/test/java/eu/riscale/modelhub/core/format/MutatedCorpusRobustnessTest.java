package eu.riscale.modelhub.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import eu.riscale.modelhub.spec.Conformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces random nodes of the real 0.3/0.4 corpus files with values of the wrong kind and checks that the conversion
 * never throws: odd input must come back as problems. Fixed seed, so failures reproduce.
 */
class MutatedCorpusRobustnessTest {
    private static final long SEED = 20261123L;
    private static final int MUTANTS_PER_FILE = 40;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void randomlyMutatedOldDescriptionsNeverThrow() throws IOException {
        Random random = new Random(SEED);
        List<Path> files;
        try (Stream<Path> list = Files.list(Conformance.corpus())) {
            files = list.sorted().toList();
        }
        int converted = 0;
        for (Path file : files) {
            JsonNode tree;
            try {
                tree = YamlTrees.read(file);
            } catch (RuntimeException e) {
                continue; // not YAML; the parser's business
            }
            JsonNode fvNode = tree.path("format_version");
            String fv = fvNode.isString() ? fvNode.stringValue() : "";
            if (!tree.isObject() || !(fv.startsWith("0.3") || fv.startsWith("0.4"))) {
                continue;
            }
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                ObjectNode mutant = ((ObjectNode) tree).deepCopy();
                List<JsonNode> containers = new ArrayList<>();
                collect(mutant, containers);
                mutate(containers.get(random.nextInt(containers.size())), random);
                String where = file.getFileName() + " mutant " + i;
                ConversionResult result = FormatConversion.toLatest(mutant);
                assertThat(result).as(where).isNotNull();
                converted++;
            }
        }
        assertThat(converted).isGreaterThan(1000);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer() && !node.isEmpty()) {
            out.add(node);
            node.values().forEach(child -> collect(child, out));
        }
    }

    private static void mutate(JsonNode container, Random random) {
        JsonNode replacement = switch (random.nextInt(7)) {
            case 0 -> F.numberNode(5);
            case 1 -> F.stringNode("x.y:z");
            case 2 -> F.arrayNode();
            case 3 -> F.objectNode();
            case 4 -> F.nullNode();
            case 5 -> F.arrayNode().add(1).add("a");
            default -> F.numberNode(-0.5);
        };
        if (container instanceof ObjectNode o) {
            List<String> keys = new ArrayList<>(o.propertyNames());
            o.set(keys.get(random.nextInt(keys.size())), replacement);
        } else if (container instanceof ArrayNode a) {
            a.set(random.nextInt(a.size()), replacement);
        }
    }
}
