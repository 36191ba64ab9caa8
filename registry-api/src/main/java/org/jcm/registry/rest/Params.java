package org.jcm.registry.rest;

import java.util.List;
import java.util.function.Function;
import org.jcm.registry.problem.FieldError;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.problem.ProblemException;

/** Parses path and query parameters, answering 400 {@code invalid_field} for a value that does not parse. */
final class Params {

    private Params() {
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

    static ProblemException invalid(String name, String detail) {
        return new ProblemException(400, ProblemCodes.INVALID_FIELD, "The parameter " + name + " is not valid.",
                List.of(new FieldError(name, detail)));
    }
}
