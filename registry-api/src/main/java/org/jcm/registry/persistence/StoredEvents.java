package org.jcm.registry.persistence;

import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;

/** Reads a stored {@code ledger_event.event_json} back into a ledger-core event. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** The event of a committed row; a row that does not decode is a damaged ledger, hence unchecked. */
    @SuppressWarnings("unchecked")
    public static LedgerEvent decode(String eventJson) {
        Object tree = Json.parse(eventJson);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalStateException("ledger_event.event_json is not a JSON object: " + eventJson);
        }
        return EventCodec.fromJson((Map<String, Object>) map);
    }
}
