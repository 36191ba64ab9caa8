package org.jcm.registry.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.registry.api.LedgerEntryJson;
import org.jcm.registry.api.LedgerHead;

/**
 * Reads committed ledger entries for the API ({@code GET /api/v1/ledger/events} and the head),
 * page by page in sequence order, without blocking a thread. The entries are served as stored;
 * nothing is decoded ({@link StoredEventJson} decodes one event's text when a read needs it).
 */
@ApplicationScoped
public class LedgerPages {

    private final Pool pool;

    LedgerPages(Pool pool) {
        this.pool = pool;
    }

    /**
     * The page of at most {@code limit} entries after {@code afterSeq} as the JSON object
     * {@code {"items":[...],"next":"SEQ"|null}}. {@code next} is the last seq of the page when
     * more entries exist, and null when the page reaches the head.
     */
    public Uni<String> page(long afterSeq, int limit) {
        // One row more than asked tells whether a next page exists without a second query.
        return pool.preparedQuery("SELECT seq, prev_hash, hash, event_json FROM ledger_event"
                        + " WHERE seq > $1 ORDER BY seq LIMIT $2")
                .execute(Tuple.of(afterSeq, limit + 1))
                .map(rows -> render(rows, limit));
    }

    /** The newest seq and hash, or seq 0 and 64 zeros for an empty ledger. */
    public Uni<LedgerHead> head() {
        return pool.query("SELECT seq, hash FROM ledger_event ORDER BY seq DESC LIMIT 1").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new LedgerHead(0, HashChain.ZERO_HEX);
                    }
                    Row row = rows.iterator().next();
                    return new LedgerHead(row.getLong("seq"), HashChain.toHex(row.getBuffer("hash").getBytes()));
                });
    }

    private static String render(RowSet<Row> rows, int limit) {
        StringBuilder json = new StringBuilder(64 + Math.min(rows.size(), limit) * 512).append("{\"items\":[");
        int written = 0;
        long lastSeq = 0;
        for (Row row : rows) {
            if (written == limit) {
                break;
            }
            if (written > 0) {
                json.append(',');
            }
            lastSeq = row.getLong("seq");
            LedgerEntryJson.append(json, lastSeq, row.getBuffer("prev_hash").getBytes(), row.getBuffer("hash").getBytes(),
                    row.getString("event_json"));
            written++;
        }
        json.append("],\"next\":");
        if (rows.size() > limit) {
            json.append('"').append(lastSeq).append('"');
        } else {
            json.append("null");
        }
        return json.append('}').toString();
    }
}
