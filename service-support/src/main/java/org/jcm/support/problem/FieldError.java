package org.jcm.support.problem;

import java.util.Objects;

/**
 * One problem with one field of a request, listed in a problem's {@code errors}.
 *
 * @param field the path of the field, such as {@code allocations[0].quantity}
 * @param detail what is wrong with it, for people
 */
public record FieldError(String field, String detail) {

    /** Checks that both parts are present. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
