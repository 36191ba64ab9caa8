package org.jcm.ledger.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses an event's {@code at} in the fixed form {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, as strictly
 * as {@link EventCodec#TIME} does (ASCII digits, fields in range, real calendar dates), but by hand:
 * replay parses one time per event, and {@code DateTimeFormatter.parse} allocated more than the
 * rest of the decoding together.
 */
final class EventTime {

    private EventTime() {
    }

    /** See {@link EventCodec#parseTime}. */
    static Instant parse(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            throw badTime(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int milli = digits(text, 20, 23);
        if ((year | month | day | hour | minute | second | milli) < 0 || hour > 23 || minute > 59 || second > 59) {
            throw badTime(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new EventFormatException("time '" + text + "' is not a calendar date: " + e.getMessage());
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, milli * 1_000_000L);
    }

    /** The value of the ASCII digits {@code text[from, to)}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static EventFormatException badTime(String text) {
        return new EventFormatException("time '" + text + "' must be uuuu-MM-ddTHH:mm:ss.SSSZ");
    }
}
