package org.jcm.settlement.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStatus;

/** Reads and updates registered trades over JDBC, for the ledger consumer's transactions. */
final class TradeStore {

    static final String COLUMNS = "venue, trade_id, seller_account_id, buyer_account_id, instrument, quantity, "
            + "price_per_tonne, currency, deliver_by, status, status_seq, status_at, mismatches";

    private TradeStore() {
    }

    /** The registered trades with these keys, locked for update. */
    static Map<TradeKey, RegisteredTrade> load(Connection connection, Collection<TradeKey> keys) throws SQLException {
        Map<TradeKey, RegisteredTrade> trades = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return trades;
        }
        List<TradeKey> list = new ArrayList<>(keys);
        try (PreparedStatement sql = connection.prepareStatement("SELECT " + COLUMNS + " FROM trades"
                + " WHERE (venue, trade_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) FOR UPDATE")) {
            sql.setArray(1, SqlArrays.texts(connection, list, TradeKey::venue));
            sql.setArray(2, SqlArrays.texts(connection, list, TradeKey::tradeId));
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    RegisteredTrade trade = read(rows);
                    trades.put(trade.key(), trade);
                }
            }
        }
        return trades;
    }

    /**
     * Writes the status columns of these trades, decided by the consumer's batch; the ones it
     * settled go into the feeds in the same transaction ({@code in_feeds}).
     */
    static void updateStatus(Connection connection, List<RegisteredTrade> trades) throws SQLException {
        if (trades.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("UPDATE trades t SET status = u.status,"
                + " status_seq = u.status_seq, status_at = u.status_at::timestamptz, mismatches = u.mismatches,"
                + " in_feeds = (u.status = 'SETTLED')"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])"
                + " AS u(venue, trade_id, status, status_seq, status_at, mismatches)"
                + " WHERE t.venue = u.venue AND t.trade_id = u.trade_id")) {
            sql.setArray(1, SqlArrays.texts(connection, trades, t -> t.key().venue()));
            sql.setArray(2, SqlArrays.texts(connection, trades, t -> t.key().tradeId()));
            sql.setArray(3, SqlArrays.texts(connection, trades, t -> t.status().name()));
            sql.setArray(4, SqlArrays.longs(connection, trades, t -> t.statusSeq() == 0 ? null : t.statusSeq()));
            sql.setArray(5, SqlArrays.texts(connection, trades, t -> t.statusAt() == null ? null : t.statusAt().toString()));
            sql.setArray(6, SqlArrays.texts(connection, trades,
                    t -> t.mismatches().isEmpty() ? null : String.join(",", t.mismatches())));
            sql.executeUpdate();
        }
    }

    /** The trades settled by their registration that are not in the feeds yet, locked, by delivering seq. */
    static List<RegisteredTrade> settledOutsideFeeds(Connection connection) throws SQLException {
        List<RegisteredTrade> trades = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement("SELECT " + COLUMNS + " FROM trades"
                + " WHERE status = 'SETTLED' AND NOT in_feeds ORDER BY status_seq FOR UPDATE");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                trades.add(read(rows));
            }
        }
        return trades;
    }

    /** Records that these trades are in the feeds. */
    static void markInFeeds(Connection connection, List<RegisteredTrade> trades) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("UPDATE trades SET in_feeds = true"
                + " WHERE (venue, trade_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))")) {
            sql.setArray(1, SqlArrays.texts(connection, trades, t -> t.key().venue()));
            sql.setArray(2, SqlArrays.texts(connection, trades, t -> t.key().tradeId()));
            sql.executeUpdate();
        }
    }

    /** Marks pending trades whose deadline is before {@code now} FAILED; returns them. */
    static List<RegisteredTrade> failOverdue(Connection connection, Instant now) throws SQLException {
        List<RegisteredTrade> failed = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement("UPDATE trades SET status = 'FAILED',"
                + " status_at = deliver_by, status_seq = NULL, mismatches = NULL"
                + " WHERE status = 'PENDING_DELIVERY' AND deliver_by < ? RETURNING " + COLUMNS)) {
            sql.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    failed.add(read(rows));
                }
            }
        }
        return failed;
    }

    static RegisteredTrade read(ResultSet rows) throws SQLException {
        long statusSeq = rows.getLong("status_seq");
        Timestamp statusAt = rows.getTimestamp("status_at");
        String mismatches = rows.getString("mismatches");
        return new RegisteredTrade(new TradeKey(rows.getString("venue"), rows.getString("trade_id")),
                rows.getString("seller_account_id"), rows.getString("buyer_account_id"),
                Instrument.parse(rows.getString("instrument")), rows.getLong("quantity"),
                rows.getBigDecimal("price_per_tonne"), rows.getString("currency"),
                rows.getTimestamp("deliver_by").toInstant(), TradeStatus.valueOf(rows.getString("status")),
                statusSeq, statusAt == null ? null : statusAt.toInstant(),
                mismatches == null ? List.of() : Arrays.asList(mismatches.split(",")));
    }
}
