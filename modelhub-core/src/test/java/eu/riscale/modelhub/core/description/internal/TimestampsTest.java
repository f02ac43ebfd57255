package eu.riscale.modelhub.core.description.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timestamps are read as the reference reads them. The expected values were produced with python-dateutil 2.9.0's
 * {@code isoparse(s)} (a result without an offset given UTC, our decision; see docs/formats.md), and for the YAML forms
 * from the YAML 1.1 timestamp examples.
 */
class TimestampsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2019-12-11T11:22:32+00:00   | 2019-12-11T11:22:32+00:00",
                "2019-12-11 11:22:32         | 2019-12-11T11:22:32+00:00",
                "2019-12-11T11:22:32Z        | 2019-12-11T11:22:32+00:00",
                "2019-12-11T11:22:32z        | 2019-12-11T11:22:32+00:00",
                "2019-12-11                  | 2019-12-11T00:00:00+00:00",
                "2019-12                     | 2019-12-01T00:00:00+00:00",
                "2019                        | 2019-01-01T00:00:00+00:00",
                "20191211                    | 2019-12-11T00:00:00+00:00",
                "20191211T112232             | 2019-12-11T11:22:32+00:00",
                "2019-12-11T11:22            | 2019-12-11T11:22:00+00:00",
                "2019-12-11T11               | 2019-12-11T11:00:00+00:00",
                "2019-12-11T1122             | 2019-12-11T11:22:00+00:00",
                "2019-12-11x11:22:32         | 2019-12-11T11:22:32+00:00",
                "2019-12-11T11:22:32.5       | 2019-12-11T11:22:32.500000+00:00",
                "2019-12-11T11:22:32,25      | 2019-12-11T11:22:32.250000+00:00",
                "2019-12-11T11:22:32.1234567 | 2019-12-11T11:22:32.123456+00:00",
                "2019-12-11T11:22:32+02:00   | 2019-12-11T11:22:32+02:00",
                "2019-12-11T11:22:32+0200    | 2019-12-11T11:22:32+02:00",
                "2019-12-11T11:22:32-05      | 2019-12-11T11:22:32-05:00",
                "2019-12-11T11:22:32.5-0130  | 2019-12-11T11:22:32.500000-01:30",
                "2019-W50-3                  | 2019-12-11T00:00:00+00:00",
                "2019W503                    | 2019-12-11T00:00:00+00:00",
                "2019-W50                    | 2019-12-09T00:00:00+00:00",
                "2019-345                    | 2019-12-11T00:00:00+00:00",
                "2019345                     | 2019-12-11T00:00:00+00:00",
                "2020-366                    | 2020-12-31T00:00:00+00:00",
                "2019-12-11T24:00:00         | 2019-12-12T00:00:00+00:00",
                // the forms a YAML 1.1 loader resolves before isoparse sees them (unquoted in the file)
                "'2001-12-14 21:59:43.10 -5' | 2001-12-14T21:59:43.100-05:00",
                "'2001-12-14\t21:59:43.10Z'  | 2001-12-14T21:59:43.100+00:00",
                "2001-1-5 1:02:03            | 2001-01-05T01:02:03+00:00",
                "'2019-12-11T11:22:32 +02:00'| 2019-12-11T11:22:32+02:00",
            })
    void acceptsWhatTheReferenceAccepts(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a date",
                "2019-13-01",
                "2019-02-30",
                "2019-12-11T25:00",
                "2019-12-11T11:22:32+24:00",
                "2019-12-11T11:22:32+0260",
                "201912",
                "2019-12-11T",
                "2019-12-11T11:2232",
                "2019-12-11T24:00:01",
                "0000-01-01",
                "19",
                "2019-366",
                "",
                "２０１９-12-11",
            })
    void rejectsWhatTheReferenceRejects(String text) {
        assertThat(Timestamps.parse(text)).isNull();
    }
}
