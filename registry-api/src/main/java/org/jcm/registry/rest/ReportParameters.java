package org.jcm.registry.rest;

import java.util.function.Function;
import org.jcm.registry.api.Fields;
import org.jcm.support.problem.ProblemException;

/**
 * The typed values of the report endpoints' path and query parameters (party, year, table, limit),
 * which {@link Fields} does not cover, answering 400 {@code invalid_field} for a value that does not
 * parse. Which query parameters an endpoint accepts at all is {@link QueryParameters}' check.
 */
final class ReportParameters {

    private ReportParameters() {
    }

    static <T> T parse(String name, String text, Function<String, T> parser) {
        if (text != null) {
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                // Falls through to the answer below: the value is not one of the type's values.
            }
        }
        throw invalid(name, text == null ? "Required." : "Not a valid value: " + text + ".");
    }

    /** A calendar (or fiscal) year from 2013 to 2100, the years the ledger knows. */
    static int year(String name, String text) {
        int year = parse(name, text, Integer::parseInt);
        if (year < 2013 || year > 2100) {
            throw invalid(name, "A year from 2013 to 2100.");
        }
        return year;
    }

    /** A whole number from {@code min} to {@code max}. */
    static int integer(String name, String text, int min, int max) {
        int value = parse(name, text, Integer::parseInt);
        if (value < min || value > max) {
            throw invalid(name, "From " + min + " to " + max + ".");
        }
        return value;
    }

    static ProblemException invalid(String name, String detail) {
        return Fields.invalid(name, detail);
    }
}
