package eu.riscale.modelhub.spec.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: only the batch axis may have the id {@code batch} (the reference's non-batch {@code AxisId}); the loader
 * reports {@code {type: space, id: batch}} at {@code …axes.j.id}, and the builders agree by failing fast, also for the
 * single letter {@code b}, which the reference reads as {@code batch}.
 */
class BatchAxisId14Test {
    private static List<Consumer<String>> builders() {
        return List.of(
                id -> ChannelAxis.builder().id(id),
                id -> IndexInputAxis.builder().id(id),
                id -> IndexOutputAxis.builder().id(id),
                id -> SpaceInputAxis.builder().id(id),
                id -> SpaceOutputAxis.builder().id(id),
                id -> SpaceOutputAxisWithHalo.builder().id(id),
                id -> TimeInputAxis.builder().id(id),
                id -> TimeOutputAxis.builder().id(id),
                id -> TimeOutputAxisWithHalo.builder().id(id));
    }

    @Test
    void everyNonBatchAxisBuilderRefusesTheBatchId() {
        for (Consumer<String> builder : builders()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> builder.accept("batch"))
                    .withMessageStartingWith("id: only the batch axis may have the id 'batch', found 'batch'");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> builder.accept("b"))
                    .withMessageContaining("found 'b' (read as 'batch')");
            builder.accept("batch_2"); // other ids are fine
        }
    }

    @Test
    void theMessageNamesTheAxisType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SpaceInputAxis.builder().id("batch"))
                .withMessageEndingWith("on a space axis");
        assertThat(SpaceInputAxis.builder()
                        .id("y")
                        .size(FixedSize.of(4))
                        .build()
                        .id())
                .isEqualTo("y");
    }
}
