package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;

/** Field checks shared by the command records. */
final class Texts {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 1000;

    private Texts() {
    }

    static Optional<String> optionalText(String field, Optional<String> text, int max) {
        Objects.requireNonNull(text, field);
        text.ifPresent(t -> Checks.freeText(field, t, max));
        return text;
    }

    static <T> List<T> list(String field, List<T> list, int max) {
        Objects.requireNonNull(list, field);
        if (list.size() > max) {
            throw new InvalidValueException(field, Integer.toString(list.size()), "must have at most " + max + " entries");
        }
        for (T t : list) {
            Objects.requireNonNull(t, field + " entry");
        }
        return List.copyOf(list);
    }

    /** The most reasons a review or withdrawal gives, and the longest reason. */
    static final int REASONS_MAX = 20;
    static final int REASON_MAX = 500;

    /** Reasons of a review, return, rejection or withdrawal: at most 20, each 1 to 500 characters of free text. */
    static List<String> reasons(List<String> reasons) {
        List<String> list = list("reasons", reasons, REASONS_MAX);
        for (String r : list) {
            Checks.freeText("reasons", r, REASON_MAX);
        }
        return list;
    }
}
