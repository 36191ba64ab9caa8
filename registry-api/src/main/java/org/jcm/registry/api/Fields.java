package org.jcm.registry.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.support.problem.FieldError;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * Turns request fields into ledger-core values, answering 400 {@code invalid_field} with the
 * field's name and the reason when a value is missing or malformed.
 */
public final class Fields {

    private Fields() {
    }

    /** The 400 problem for one field. */
    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(400, ProblemCodes.INVALID_FIELD, "Field '" + field + "' is not valid: " + reason,
                List.of(new FieldError(field, reason)));
    }

    /** A required value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, "is required.");
        }
        return value;
    }

    /** A required text parsed into a value type. */
    public static <T> T parse(String field, String text, Function<String, T> parser) {
        required(field, text);
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            throw invalid(field, sentence(e.reason()));
        }
    }

    /** An optional text parsed into a value type. */
    public static <T> Optional<T> optional(String field, String text, Function<String, T> parser) {
        return text == null ? Optional.empty() : Optional.of(parse(field, text, parser));
    }

    /** A required quantity: a whole number from 1 to 2^53 - 1. */
    public static Quantity quantity(String field, Long value) {
        required(field, value);
        if (value < 1 || value > Quantity.MAX) {
            throw invalid(field, "must be a whole number from 1 to 9007199254740991 (2^53 - 1), was " + value + ".");
        }
        return Quantity.of(value);
    }

    /** Serial ranges ({@code JCM-MN001-2024-1001-1250}), each checked. */
    public static List<BlockSerial> serialRanges(String field, List<String> serials) {
        if (serials == null) {
            return List.of();
        }
        List<BlockSerial> parsed = new ArrayList<>(serials.size());
        for (int i = 0; i < serials.size(); i++) {
            parsed.add(parse(field + "[" + i + "]", serials.get(i), BlockSerial::parse));
        }
        return parsed;
    }

    /** A decimal string such as {@code "1250.50"}: digits with at most one decimal point, no sign or exponent. */
    public static BigDecimal decimal(String field, String text) {
        required(field, text);
        int dots = 0;
        boolean digits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c >= '0' && c <= '9') {
                digits = true;
            } else {
                dots = 2;
            }
        }
        if (!digits || dots > 1 || text.startsWith(".") || text.endsWith(".") || text.length() > 40) {
            throw invalid(field, "must be a decimal string such as \"1250.50\".");
        }
        return new BigDecimal(text);
    }

    /** Builds a command, answering the record's own shape checks (such as mutually exclusive fields) with 400. */
    public static <T> T shape(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw invalid(e.type(), sentence(e.reason()));
        }
    }

    /** As {@link #shape(Supplier)}, naming the field {@code prefix.type}. */
    public static <T> T shape(String prefix, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw invalid(prefix + "." + e.type(), sentence(e.reason()));
        }
    }

    private static String sentence(String reason) {
        return reason.endsWith(".") ? reason : reason + ".";
    }
}
