package dev.juror.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The hand-read canonical form gives what {@link Instant#parse} gives, and leaves every other form to it. */
class LogTimestampsTest {

    @Test
    void canonicalUtcAgreesWithInstantParse() {
        for (String t : new String[] {"2026-12-08T03:00:01Z", "2026-12-08T03:00:01.1Z", "2026-12-08T03:00:01.12Z",
            "2026-12-08T03:00:01.123Z", "2026-12-08T03:00:01.123456Z", "2026-12-08T03:00:01.123456789Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00Z", "2026-12-31T23:59:59.5Z"}) {
            assertThat(LogTimestamps.canonicalUtc(t)).as(t).isEqualTo(Instant.parse(t));
            assertThat(LogTimestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
        }
    }

    @Test
    void otherFormsAndBadFieldsGoTheGeneralWay() {
        for (String t : new String[] {"2026-12-08 03:00:01Z", "2026-12-08T03:00:01+01:00", "2026-12-08T03:00:01",
            "2026-02-30T03:00:01Z", "2026-12-08T24:00:00Z", "2026-12-08T03:60:00Z", "2026-12-08T03:00:61Z",
            "2026-13-08T03:00:01Z", "2026-12-08T03:00:01.Z", "2026-12-08T03:00:01.1234567890Z", "2026-12-0xT03:00:01Z"}) {
            assertThat(LogTimestamps.canonicalUtc(t)).as(t).isNull();
        }
        assertThat(LogTimestamps.parse("2026-12-08T03:00:01+01:00")).isEqualTo(Instant.parse("2026-12-08T02:00:01Z"));
        assertThat(LogTimestamps.parse("2026-12-08 03:00:01")).isEqualTo(Instant.parse("2026-12-08T03:00:01Z"));
        assertThatThrownBy(() -> LogTimestamps.parse("2026-02-30T03:00:01Z")).isInstanceOf(DateTimeParseException.class);
    }
}
