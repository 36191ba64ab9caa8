package org.jcm.ledger.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The circumstances of a command: when it is applied (the writer's clock, truncated to
 * milliseconds because event times are recorded with millisecond precision) and who issues it.
 */
public record CommandContext(Instant at, Actor actor) {

    public CommandContext {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        at = at.getNano() % 1_000_000 == 0 ? at : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
