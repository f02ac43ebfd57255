package eu.riscale.modelhub.core.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helper: reads YAML into a Jackson tree with anchors and aliases resolved.
 *
 * <p>Jackson's YAML tree reader leaves an alias ({@code *axes}) as the plain string {@code "axes"}; several real
 * descriptions (the spec's {@code unet2d_fixed_shape} example) use anchors, so the trees are built from
 * snakeyaml-engine's composed objects (YAML 1.2 core schema) instead.
 */
final class YamlTrees {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private YamlTrees() {}

    static JsonNode read(Path file) throws IOException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setLabel(file.toString())
                .build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object value = new Load(settings).loadFromReader(reader);
            return JSON.valueToTree(value);
        }
    }
}
