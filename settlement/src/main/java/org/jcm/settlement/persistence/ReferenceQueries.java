package org.jcm.settlement.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jcm.settlement.trade.UnmatchedReference;

/**
 * A venue's unmatched references: transfers that named one of its trades (registered or not) and
 * decided nothing. They are worked out when read, from the transfers that name the venue
 * ({@code trade_legs}, one row per instrument) and the registrations as they are now, so a
 * reference to a trade that is registered later moves from {@code NOT_REGISTERED} to what the
 * registration makes of it (or delivers the trade and leaves the list).
 */
@ApplicationScoped
public class ReferenceQueries {

    // Transfers naming the venue after the cursor (index trade_legs_by_venue, or trade_legs_by_trade
    // with a trade id), one row per transfer, without the one that decided each registered trade.
    private static final String PAGE = "SELECT r.*, CASE"
            + " WHEN t.trade_id IS NULL THEN 'NOT_REGISTERED'"
            + " WHEN r.from_account_id <> t.seller_account_id THEN 'NOT_FROM_SELLER'"
            + " WHEN t.status = 'CANCELLED' THEN 'AFTER_CANCELLATION'"
            + " WHEN t.status_seq IS NOT NULL AND r.seq > t.status_seq THEN 'AFTER_DECISION'"
            + " WHEN r.at > t.deliver_by THEN 'AFTER_DEADLINE'"
            + " ELSE 'AFTER_DECISION' END AS reason"
            + " FROM (SELECT seq, min(at) AS at, trade_id, from_account_id, to_account_id, sum(quantity) AS quantity,"
            + " string_agg(instrument, ',' ORDER BY leg) AS instruments, price_per_tonne, currency"
            + " FROM trade_legs WHERE venue = $1 AND ($2::text IS NULL OR trade_id = $2) AND seq > $3"
            + " GROUP BY seq, trade_id, from_account_id, to_account_id, price_per_tonne, currency) r"
            + " LEFT JOIN trades t ON t.venue = $1 AND t.trade_id = r.trade_id"
            + " WHERE t.status_seq IS DISTINCT FROM r.seq ORDER BY r.seq LIMIT $4";

    private final Pool pool;

    ReferenceQueries(Pool pool) {
        this.pool = pool;
    }

    /** The venue's unmatched references after ledger seq {@code afterSeq}, optionally naming one trade, in ledger order. */
    public Uni<List<UnmatchedReference>> page(String venue, Optional<String> tradeId, long afterSeq, int limit) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(venue, tradeId.orElse(null), afterSeq, limit))
                .map(rows -> {
                    List<UnmatchedReference> list = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        list.add(new UnmatchedReference(row.getLong("seq"), Rows.instant(row, "at"),
                                row.getString("trade_id"), row.getString("from_account_id"),
                                row.getString("to_account_id"), row.getLong("quantity"),
                                Arrays.asList(row.getString("instruments").split(",")),
                                row.getBigDecimal("price_per_tonne"), row.getString("currency"),
                                UnmatchedReference.Reason.valueOf(row.getString("reason"))));
                    }
                    return list;
                });
    }
}
