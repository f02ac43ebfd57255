package eu.riscale.modelhub.core.description;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The root {@code timestamp} takes the forms the reference takes (issue 14: a space between date and time, quoted or
 * not, was rejected), is written back in the canonical form, and a text that is no timestamp is an error at
 * {@code timestamp}.
 */
class TimestampFieldTest {
    private static String with(String timestamp) {
        return BadInputTest.VALID + "timestamp: " + timestamp + "\n";
    }

    @Test
    void aSpaceBetweenDateAndTimeIsAcceptedQuotedOrNot() throws Exception {
        OffsetDateTime expected = OffsetDateTime.parse("2019-12-11T11:22:32+00:00");
        assertThat(Descriptions.parse(with("2019-12-11 11:22:32")).timestamp()).isEqualTo(expected);
        assertThat(Descriptions.parse(with("\"2019-12-11 11:22:32\"")).timestamp())
                .isEqualTo(expected);
        assertThat(Descriptions.parse(with("'2019-12-11 11:22:32Z'")).timestamp())
                .isEqualTo(expected);
    }

    @Test
    void aDateAloneIsMidnightUtc() throws Exception {
        assertThat(Descriptions.parse(with("2019-12-11")).timestamp())
                .isEqualTo(OffsetDateTime.parse("2019-12-11T00:00:00+00:00"));
    }

    @Test
    void theOffsetIsKeptAndWrittenInTheCanonicalForm() throws Exception {
        var model = Descriptions.parse(with("2024-05-01 10:00:00,5+0200"));
        assertThat(model.timestamp()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00.5+02:00"));
        String written = Descriptions.toYaml(model);
        assertThat(written).contains("timestamp: 2024-05-01T10:00:00.5+02:00\n");
        assertThat(Descriptions.parse(written)).isEqualTo(model);
    }

    @Test
    void aTextThatIsNoTimestampIsAnErrorAtTheField() {
        DescriptionException e = BadInputTest.failure(with("\"2019-12-11 at noon\""));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.loc()).isEqualTo("timestamp");
            assertThat(p.message()).contains("ISO 8601").contains("'2019-12-11 at noon'");
        });
        assertThat(BadInputTest.locs(BadInputTest.failure(with("2019-02-30")))).containsExactly("timestamp");
        assertThat(BadInputTest.locs(BadInputTest.failure(with("12")))).containsExactly("timestamp");
    }
}
