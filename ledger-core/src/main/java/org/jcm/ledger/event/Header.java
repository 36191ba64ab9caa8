package org.jcm.ledger.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jcm.ledger.command.Actor;

/** Checks of the fields every event has. */
final class Header {

    private Header() {
    }

    static Instant check(long seq, Instant at, Actor actor) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, was " + seq);
        }
        Objects.requireNonNull(actor, "actor");
        // Allocate a truncated copy only when needed: the writer's times are already milliseconds.
        return Objects.requireNonNull(at, "at").getNano() % 1_000_000 == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
