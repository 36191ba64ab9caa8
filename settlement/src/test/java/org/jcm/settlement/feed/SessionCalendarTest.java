package org.jcm.settlement.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.jcm.settlement.feed.SessionCalendar.Bounds;
import org.jcm.settlement.feed.SessionCalendar.Session;
import org.junit.jupiter.api.Test;

/** A venue's daily session in its own time zone: open inclusive, close exclusive, and daylight saving. */
class SessionCalendarTest {

    static final SessionCalendar CALENDAR = new SessionCalendar(Map.of(
            "JPX", new Session(LocalTime.of(9, 0), LocalTime.of(15, 0), ZoneId.of("Asia/Tokyo")),
            "LSE", new Session(LocalTime.of(8, 0), LocalTime.of(16, 30), ZoneId.of("Europe/London"))));

    @Test
    void a_tokyo_session_runs_from_00_00_to_06_00_utc_with_the_open_inside_and_the_close_outside() {
        Bounds bounds = CALENDAR.sessionOf("JPX", Instant.parse("2025-11-06T00:00:00Z")).orElseThrow();
        assertThat(bounds.start()).isEqualTo(Instant.parse("2025-11-06T00:00:00Z"));
        assertThat(bounds.end()).isEqualTo(Instant.parse("2025-11-06T06:00:00Z"));
        assertThat(CALENDAR.sessionOf("JPX", Instant.parse("2025-11-06T05:59:59.999Z"))).contains(bounds);
        assertThat(CALENDAR.sessionOf("JPX", Instant.parse("2025-11-06T06:00:00Z"))).isEmpty();
        assertThat(CALENDAR.sessionOf("JPX", Instant.parse("2025-11-05T23:59:59Z"))).isEmpty();
    }

    @Test
    void a_london_session_follows_daylight_saving_time() {
        assertThat(CALENDAR.sessionOf("LSE", Instant.parse("2025-07-01T12:00:00Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2025-07-01T07:00:00Z"));
        assertThat(CALENDAR.sessionOf("LSE", Instant.parse("2025-12-01T12:00:00Z")).orElseThrow().start())
                .isEqualTo(Instant.parse("2025-12-01T08:00:00Z"));
    }

    @Test
    void a_venue_without_sessions_has_no_session_bar_and_a_session_must_open_before_it_closes() {
        assertThat(CALENDAR.sessionOf("OTHER", Instant.parse("2025-11-06T01:00:00Z"))).isEmpty();
        assertThat(CALENDAR.hasSessions("OTHER")).isFalse();
        assertThatThrownBy(() -> new Session(LocalTime.of(15, 0), LocalTime.of(9, 0), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
