package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * {@code EventCodec.parseTime} is hand-written for speed; it must accept exactly what it accepted
 * when it was "24 characters, then the strict {@code EventCodec.TIME} formatter", with the same
 * result. (The length check matters: the formatter alone also takes signed years beyond four
 * digits, such as {@code -1970-01-01T00:00:00.000Z}.)
 */
class TimeFormatProperties {

    /** Characters a corrupted time might contain: digits, separators, look-alikes, a non-ASCII digit. */
    private static final String NOISE = "0123456789-:T.Z+ tz/\u0660\uff10";

    @Property(tries = 1000)
    void every_formatted_instant_parses_back(
            @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long epochMilli) {
        Instant at = Instant.ofEpochMilli(epochMilli);
        assertThat(EventCodec.parseTime(EventCodec.formatTime(at))).isEqualTo(at);
    }

    @Property(tries = 1000)
    void a_corrupted_time_is_accepted_or_refused_exactly_as_the_strict_formatter_does(
            @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long epochMilli,
            @ForAll @IntRange(min = 0, max = 23) int position,
            @ForAll @IntRange(min = 0, max = 100) int noisePick,
            @ForAll @IntRange(min = 0, max = 2) int edit) {
        StringBuilder text = new StringBuilder(EventCodec.formatTime(Instant.ofEpochMilli(epochMilli)));
        char c = NOISE.charAt(noisePick % NOISE.length());
        switch (edit) {
            case 0 -> text.setCharAt(position, c);
            case 1 -> text.insert(position, c);
            default -> text.deleteCharAt(position);
        }
        assertSameAsFormatter(text.toString());
    }

    @Test
    void calendar_and_clock_edges_agree_with_the_formatter() {
        for (String text : new String[] {
                "2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00.000Z", "2025-04-31T00:00:00.000Z",
                "2025-13-01T00:00:00.000Z", "2025-00-01T00:00:00.000Z", "2025-01-00T00:00:00.000Z",
                "2025-01-01T24:00:00.000Z", "2025-01-01T23:60:00.000Z", "2025-01-01T23:59:60.000Z",
                "0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "-001-01-01T00:00:00.000Z",
                "+2025-01-01T00:00:00.00Z", "2025-01-01 00:00:00.000Z", "2025-01-01T00:00:00.000z",
                "2025-01-01T00:00:00,000Z", "2025-01-01T00:00:00.000+", "2025-01-01T00:00:00Z", "-1970-01-01T00:00:00.000Z",
                "+10000-01-01T00:00:00.000Z", "-970-01-01T00:00:00.000Z", "+970-01-01T00:00:00.000Z"}) {
            assertSameAsFormatter(text);
        }
    }

    private static void assertSameAsFormatter(String text) {
        Instant expected;
        try {
            if (text.length() != 24) {
                throw new DateTimeParseException("not 24 characters", text, 0);
            }
            expected = Instant.from(EventCodec.TIME.parse(text));
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> EventCodec.parseTime(text)).as(text).isInstanceOf(EventFormatException.class);
            return;
        }
        assertThat(EventCodec.parseTime(text)).as(text).isEqualTo(expected);
    }
}
