package org.jcm.registry.write.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;

/**
 * What request threads read from PostgreSQL on the write path, without blocking (reactive client):
 * the stored events an idempotent replay answers with (the writer has found the key's outcome).
 */
@ApplicationScoped
public class StoredLedgerReader {

    private final Pool pool;

    StoredLedgerReader(Pool pool) {
        this.pool = pool;
    }

    /** Events {@code first..last}, decoded, in sequence order. */
    public Uni<List<LedgerEvent>> events(long first, long last) {
        return pool.preparedQuery("SELECT event_json FROM ledger_event WHERE seq BETWEEN $1 AND $2 ORDER BY seq")
                .execute(Tuple.of(first, last))
                .map(rows -> {
                    List<LedgerEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(decode(row.getString(0)));
                    }
                    return events;
                });
    }

    /** The events of several seq ranges (inclusive {@code [first, last]} pairs), by seq. */
    public Uni<Map<Long, LedgerEvent>> events(List<long[]> ranges) {
        if (ranges.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Long[] firsts = new Long[ranges.size()];
        Long[] lasts = new Long[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            firsts[i] = ranges.get(i)[0];
            lasts[i] = ranges.get(i)[1];
        }
        return pool.preparedQuery("SELECT e.seq, e.event_json FROM ledger_event e JOIN unnest($1::bigint[], $2::bigint[])"
                        + " AS r(f, l) ON e.seq BETWEEN r.f AND r.l")
                .execute(Tuple.of(firsts, lasts))
                .map(rows -> {
                    Map<Long, LedgerEvent> events = new HashMap<>();
                    for (Row row : rows) {
                        events.put(row.getLong(0), decode(row.getString(1)));
                    }
                    return events;
                });
    }

    @SuppressWarnings("unchecked")
    private static LedgerEvent decode(String json) {
        return EventCodec.fromJson((Map<String, Object>) Json.parse(json));
    }
}
