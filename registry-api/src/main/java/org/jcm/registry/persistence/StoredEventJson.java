package org.jcm.registry.persistence;

import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;

/**
 * Decodes the text of one stored {@code ledger_event.event_json} back into a ledger-core event,
 * for the reads that need the event itself (reports, authorization versions). It reads no rows:
 * the pages of entries the API serves are {@link LedgerPages}'s.
 */
public final class StoredEventJson {

    private StoredEventJson() {
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
