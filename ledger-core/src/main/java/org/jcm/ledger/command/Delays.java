package org.jcm.ledger.command;

import java.time.Duration;
import java.util.Objects;
import org.jcm.ledger.id.InvalidValueException;

/** Shape checks of the delays commands carry: from zero to a year, in whole milliseconds (event times are). */
final class Delays {

    /** The longest delay a policy may set: a year is far beyond any delay a registry uses (the EU's is 26 hours). */
    static final Duration MAX = Duration.ofDays(365);

    private Delays() {
    }

    static Duration check(String field, Duration delay) {
        Objects.requireNonNull(delay, field);
        if (delay.isNegative() || delay.compareTo(MAX) > 0 || delay.getNano() % 1_000_000 != 0) {
            throw new InvalidValueException(field, delay.toString(), "must be from PT0S to P365D, in whole milliseconds");
        }
        return delay;
    }
}
