package org.jcm.settlement.api;

import java.time.Instant;
import org.jcm.ledger.event.EventCodec;

/** The one time format of the API: RFC 3339 UTC with milliseconds, as the ledger writes {@code at}. */
public final class Times {

    private Times() {
    }

    /** {@code 2025-04-01T09:30:00.000Z}, or null for null. */
    public static String format(Instant at) {
        return at == null ? null : EventCodec.formatTime(at);
    }
}
