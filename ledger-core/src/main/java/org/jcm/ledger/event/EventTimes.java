package org.jcm.ledger.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants recorded in events besides {@code at} (e.g. {@code expiresAt}): millisecond precision, like {@code at}. */
final class EventTimes {

    private EventTimes() {
    }

    static Instant millis(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? instant : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
