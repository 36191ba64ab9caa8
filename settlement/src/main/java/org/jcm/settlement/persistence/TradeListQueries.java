package org.jcm.settlement.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Registered trades listed for their venue's exchange, the operator and auditors
 * ({@code GET /api/v1/trades}): a keyset page in registration order (registration time, venue,
 * trade id; indexes trades_by_venue_and_registration and trades_by_registration), filtered by
 * status, instrument, registration time and a counterparty organization (one that holds the seller
 * or the buyer account, from {@code accounts}).
 */
@ApplicationScoped
public class TradeListQueries {

    /** A trade as listed: the trade and its status, when it was registered, and its unmatched references. */
    public record ListedTrade(RegisteredTrade trade, Instant registeredAt, long unmatchedReferences) {
    }

    /** What to list: every filter may be null (no filter), except the registration time range [from, to). */
    public record Filter(String venue, TradeStatus status, String instrument, Instant from, Instant to,
                         String counterparty) {
    }

    /** The position after a listed trade, for the next page. */
    public record Position(Instant registeredAt, String venue, String tradeId) {
    }

    private static final String PAGE = "SELECT t.*, (SELECT count(DISTINCT l.seq) FROM trade_legs l"
            + " WHERE l.venue = t.venue AND l.trade_id = t.trade_id AND l.seq IS DISTINCT FROM t.status_seq) AS unmatched"
            + " FROM trades t WHERE ($1::text IS NULL OR t.venue = $1) AND ($2::text IS NULL OR t.status = $2)"
            + " AND ($3::text IS NULL OR t.instrument = $3) AND t.registered_at >= $4 AND t.registered_at < $5"
            + " AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM accounts a WHERE a.organization_id = $6"
            + " AND a.account_id IN (t.seller_account_id, t.buyer_account_id)))"
            + " AND ($7::timestamptz IS NULL OR (t.registered_at, t.venue, t.trade_id) > ($7, $8, $9))"
            + " ORDER BY t.registered_at, t.venue, t.trade_id LIMIT $10";

    private final Pool pool;

    TradeListQueries(Pool pool) {
        this.pool = pool;
    }

    /** At most {@code limit} trades matching {@code filter} after {@code after} (null: from the first). */
    public Uni<List<ListedTrade>> page(Filter filter, Position after, int limit) {
        Tuple args = Tuple.tuple().addString(filter.venue())
                .addString(filter.status() == null ? null : filter.status().name())
                .addString(filter.instrument())
                .addOffsetDateTime(FeedQueries.utc(filter.from())).addOffsetDateTime(FeedQueries.utc(filter.to()))
                .addString(filter.counterparty())
                .addOffsetDateTime(after == null ? null : FeedQueries.utc(after.registeredAt()))
                .addString(after == null ? null : after.venue())
                .addString(after == null ? null : after.tradeId())
                .addInteger(limit);
        return pool.preparedQuery(PAGE).execute(args).map(rows -> {
            List<ListedTrade> list = new ArrayList<>(rows.size());
            for (Row row : rows) {
                list.add(new ListedTrade(trade(row), Rows.instant(row, "registered_at"), row.getLong("unmatched")));
            }
            return list;
        });
    }

    private static RegisteredTrade trade(Row row) {
        Long statusSeq = row.getLong("status_seq");
        String mismatches = row.getString("mismatches");
        return new RegisteredTrade(new TradeKey(row.getString("venue"), row.getString("trade_id")),
                row.getString("seller_account_id"), row.getString("buyer_account_id"),
                Instrument.parse(row.getString("instrument")), row.getLong("quantity"),
                row.getBigDecimal("price_per_tonne"), row.getString("currency"), Rows.instant(row, "deliver_by"),
                TradeStatus.valueOf(row.getString("status")), statusSeq == null ? 0 : statusSeq,
                Rows.instant(row, "status_at"),
                mismatches == null ? List.of() : Arrays.asList(mismatches.split(",")));
    }
}
