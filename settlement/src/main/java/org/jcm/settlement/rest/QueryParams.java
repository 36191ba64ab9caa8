package org.jcm.settlement.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jcm.support.problem.FieldError;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * Reads the query (and path) parameters of the resources: times, dates, page sizes, required
 * values. A bad value is a 400 problem {@code invalid_parameter} naming the parameter, the same for
 * every resource.
 */
final class QueryParams {

    /** The largest page, as API.md fixes it. */
    static final int MAX_LIMIT = 1000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private QueryParams() {
    }

    /** An RFC 3339 time, or {@code fallback} when absent. */
    static Instant time(String name, String value, Instant fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an RFC 3339 time such as 2025-04-01T00:00:00Z");
        }
        // PostgreSQL's timestamptz cannot hold every Instant; a year outside 1 to 9999 is no query anyone means.
        if (time.isBefore(EARLIEST) || !time.isBefore(AFTER_LATEST)) {
            throw invalid(name, "must be a time in the years 0001 to 9999");
        }
        return time;
    }

    /** A date {@code 2025-04-01}, or {@code fallback} when absent. */
    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date such as 2025-04-01");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw invalid(name, "must be a date in the years 0001 to 9999");
        }
        return date;
    }

    /** A page size from 1 to {@link #MAX_LIMIT}, default {@link #MAX_LIMIT}. */
    static int limit(String text) {
        if (text == null) {
            return MAX_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // Read as text, not as an Integer parameter: JAX-RS answers an unconvertible parameter with 404.
            value = -1;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /** A required parameter. */
    static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** The problem for a bad parameter. */
    static ProblemException invalid(String name, String detail) {
        return new ProblemException(400, ProblemCodes.INVALID_PARAMETER, "Query parameter '" + name + "' " + detail + ".",
                List.of(new FieldError(name, detail)));
    }
}
