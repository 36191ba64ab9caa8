package org.jcm.ledger.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Japanese fiscal years, as companies use them to disclose emissions net of JCM credits: fiscal
 * year N runs from 1 April N to 31 March N + 1, by the date in Japan Standard Time (UTC+9, no
 * daylight saving), e.g. a retirement at 2026-03-31T16:00Z (1 April 01:00 JST) is in fiscal 2026.
 */
public record FiscalYear(int year) {

    /** Japan Standard Time: a fixed offset, so the rule needs no time-zone database. */
    public static final ZoneId JST = ZoneOffset.ofHours(9);

    public FiscalYear {
        if (year < 2013 || year > 2100) {
            throw new IllegalArgumentException("fiscal year must be from 2013 to 2100, was " + year);
        }
    }

    /** The fiscal year containing {@code date} (a date in Japan). */
    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** The fiscal year containing the instant {@code at}, by its date in Japan. */
    public static FiscalYear of(Instant at) {
        return of(LocalDate.ofInstant(at, JST));
    }

    /** 1 April of the year, 00:00 JST. */
    public Instant start() {
        return LocalDate.of(year, 4, 1).atStartOfDay(JST).toInstant();
    }

    /** 1 April of the next year, 00:00 JST (exclusive). */
    public Instant end() {
        return LocalDate.of(year + 1, 4, 1).atStartOfDay(JST).toInstant();
    }

    /** The date in Japan of {@code at}, as printed on a statement. */
    public static LocalDate dateInJapan(Instant at) {
        return LocalDate.ofInstant(at, JST);
    }
}
