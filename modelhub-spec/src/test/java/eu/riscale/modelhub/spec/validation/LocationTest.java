package eu.riscale.modelhub.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationTest {
    @Test
    void startsWithComparesWholeSegmentsNotText() {
        Location data = Location.of("weights", "onnx", "external_data");

        assertThat(data.startsWith(Location.of("weights", "onnx"))).isTrue();
        assertThat(data.startsWith(data)).isTrue();
        assertThat(data.startsWith(Location.ROOT)).isTrue();
        // as text, "weights.onnx2" starts with "weights.onnx"; as segments it does not
        assertThat(Location.of("weights", "onnx2").startsWith(Location.of("weights", "onnx")))
                .isFalse();
        assertThat(Location.of("weights").startsWith(data)).isFalse();
        // an index and a key that print the same are different segments
        assertThat(Location.of("inputs", 0).startsWith(Location.of("inputs", "0")))
                .isFalse();
    }

    @Test
    void aKeyWithADotIsOneSegment() {
        Location loc = Location.of("config").key("my.key");

        assertThat(loc.segments()).containsExactly("config", "my.key");
        assertThat(loc.toString()).isEqualTo("config.my.key");
    }
}
