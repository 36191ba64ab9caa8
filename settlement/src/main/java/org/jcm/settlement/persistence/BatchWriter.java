package org.jcm.settlement.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.settlement.apply.BatchEffects;
import org.jcm.settlement.apply.BatchEffects.AccountChange;
import org.jcm.settlement.apply.BatchEffects.SeenInstrument;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.feed.BarDelta;
import org.jcm.settlement.feed.MarketEffects;
import org.jcm.settlement.feed.MarketEffects.LastPrice;
import org.jcm.settlement.feed.SessionCalendar;
import org.jcm.settlement.feed.VolumeDelta;
import org.jcm.settlement.feed.VolumeKey;
import org.jcm.settlement.trade.DeliveryRules;
import org.jcm.settlement.trade.PricedTransfer;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeLeg;
import org.postgresql.PGConnection;

/**
 * Writes a batch of ledger effects in the caller's transaction with one multi-row statement per
 * table, together with the new position, which is what makes each event apply exactly once.
 * Every writer of trade status takes the same transaction-scoped advisory lock first
 * ({@link #lock}), so that a registration and the transfer that delivers it cannot miss each other.
 */
public final class BatchWriter {

    /** The advisory lock key that serialises every writer of trades and positions. */
    public static final long WRITE_LOCK = 0x4a434d5345544cL;

    private BatchWriter() {
    }

    /** Takes the write lock until the transaction ends. */
    public static void lock(Connection connection) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            sql.setLong(1, WRITE_LOCK);
            sql.execute();
        }
    }

    /** The ledger's position, created at zero when the database is new. */
    public static Position position(Connection connection, String ledgerId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consumer_position (ledger_id, last_seq,"
                + " last_hash) VALUES (?, 0, ?) ON CONFLICT (ledger_id) DO NOTHING")) {
            insert.setString(1, ledgerId);
            insert.setString(2, HashChain.ZERO_HEX);
            insert.executeUpdate();
        }
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT last_seq, last_hash, last_at, generation FROM consumer_position WHERE ledger_id = ?")) {
            sql.setString(1, ledgerId);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(3);
                return new Position(row.getLong(1), row.getString(2), at == null ? null : at.toInstant(), row.getLong(4));
            }
        }
    }

    /**
     * Writes the batch and moves the position from {@code fromSeq - 1} to {@code toSeq}; fails if
     * the stored position is not where the batch starts (another consumer got there first). The
     * trades the batch settles go into the market feeds in the same transaction.
     */
    public static AppliedBatch write(Connection connection, String ledgerId, BatchEffects effects, Clock clock,
                                     SessionCalendar sessions) throws SQLException {
        movePosition(connection, ledgerId, effects);
        insertLegs(connection, effects);
        upsertVolumes(connection, effects);
        insertInstruments(connection, effects);
        upsertAccounts(connection, effects);
        HeldDeliveries.write(connection, effects);
        List<RegisteredTrade> changed = settle(connection, effects.pricedTransfers(), clock);
        MarketEffects market = MarketEffects.of(changed, sessions);
        List<Bar> bars = writeMarket(connection, market);
        return new AppliedBatch(market.trades(), bars, changed);
    }

    /**
     * Puts into the market feeds the trades that a registration settled at once (their delivering
     * transfer was applied before they were registered): registrations decide the status, but only
     * this writer touches the feeds, so that bars are written and published in one order.
     */
    public static AppliedBatch feedSettledOnRegistration(Connection connection, SessionCalendar sessions)
            throws SQLException {
        List<RegisteredTrade> settled = TradeStore.settledOutsideFeeds(connection);
        if (settled.isEmpty()) {
            return new AppliedBatch(List.of(), List.of(), List.of());
        }
        MarketEffects market = MarketEffects.of(settled, sessions);
        List<Bar> bars = writeMarket(connection, market);
        TradeStore.markInFeeds(connection, settled);
        return new AppliedBatch(market.trades(), bars, List.of());
    }

    private static List<Bar> writeMarket(Connection connection, MarketEffects market) throws SQLException {
        if (market.isEmpty()) {
            return List.of();
        }
        List<Bar> bars = upsertBars(connection, market);
        upsertLastPrices(connection, market);
        return bars;
    }

    /**
     * Wipes every derived row, sets registered trades back to pending (cancelled ones back to
     * cancelled, at the time of their cancellation) and the position to zero.
     */
    public static long resetForRebuild(Connection connection, String ledgerId) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE trade_legs, bars, daily_volumes, instruments, last_prices, accounts, held_deliveries");
            sql.executeUpdate("UPDATE trades SET status = CASE WHEN cancelled_at IS NULL THEN 'PENDING_DELIVERY'"
                    + " ELSE 'CANCELLED' END, status_seq = NULL, status_at = cancelled_at, mismatches = NULL,"
                    + " in_feeds = false");
        }
        try (PreparedStatement sql = connection.prepareStatement("UPDATE consumer_position SET last_seq = 0,"
                + " last_hash = ?, last_at = NULL, generation = generation + 1, updated_at = now()"
                + " WHERE ledger_id = ? RETURNING generation")) {
            sql.setString(1, HashChain.ZERO_HEX);
            sql.setString(2, ledgerId);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** Marks pending trades past their deadline FAILED. */
    public static List<RegisteredTrade> failOverdue(Connection connection, Clock clock) throws SQLException {
        return TradeStore.failOverdue(connection, clock.instant());
    }

    private static void movePosition(Connection connection, String ledgerId, BatchEffects effects) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("UPDATE consumer_position SET last_seq = ?,"
                + " last_hash = ?, last_at = ?, updated_at = now() WHERE ledger_id = ? AND last_seq = ?")) {
            sql.setLong(1, effects.toSeq());
            sql.setString(2, effects.lastHash());
            sql.setTimestamp(3, Timestamp.from(effects.lastAt()));
            sql.setString(4, ledgerId);
            sql.setLong(5, effects.fromSeq() - 1);
            if (sql.executeUpdate() != 1) {
                throw new PositionMovedException("the stored position of ledger " + ledgerId + " is no longer "
                        + (effects.fromSeq() - 1) + "; another consumer or a rebuild moved it");
            }
        }
    }

    /**
     * Trade legs are the one table that grows by a row per priced transfer, so they go in with
     * COPY (text format), which PostgreSQL parses far more cheaply than arrays and casts.
     */
    private static void insertLegs(Connection connection, BatchEffects effects) throws SQLException {
        var legs = effects.legs();
        if (legs.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(legs.size() * 160);
        for (TradeLeg leg : legs) {
            rows.append(leg.seq()).append('\t').append(leg.leg()).append('\t').append(leg.at()).append('\t');
            copyText(rows, leg.instrument().code());
            rows.append('\t').append(leg.quantity()).append('\t').append(leg.pricePerTonne().toPlainString()).append('\t');
            copyText(rows, leg.currency());
            rows.append('\t');
            copyText(rows, leg.venue());
            rows.append('\t');
            copyText(rows, leg.tradeId());
            rows.append('\t');
            copyText(rows, leg.fromAccountId());
            rows.append('\t');
            copyText(rows, leg.toAccountId());
            rows.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY trade_legs (seq, leg, at, instrument,"
                    + " quantity, price_per_tonne, currency, venue, trade_id, from_account_id, to_account_id)"
                    + " FROM STDIN", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY of trade legs failed", e);
        }
    }

    /** Appends a value in COPY text format, escaping the characters that format gives a meaning. */
    private static void copyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static List<Bar> upsertBars(Connection connection, MarketEffects effects) throws SQLException {
        List<BarDelta> deltas = new ArrayList<>(effects.bars().values());
        List<Bar> bars = new ArrayList<>(deltas.size());
        if (deltas.isEmpty()) {
            return bars;
        }
        // Trades mostly settle in ledger order, so the stored open is older than the batch's and the
        // batch's close newer; the seq guards keep open and close right when a trade registered
        // after its delivery joins a bar later, or a batch is replayed.
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO bars AS b (instrument, currency,"
                + " bar_interval, bucket_start, open, high, low, close, volume, notional, trade_count, open_seq, close_seq,"
                + " bucket_end) SELECT i, c, n, s::timestamptz, o::numeric, h::numeric, l::numeric, x::numeric, v,"
                + " p::numeric, k, os, cs, e::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::bigint[],"
                + " ?::bigint[], ?::text[]) AS u(i, c, n, s, o, h, l, x, v, p, k, os, cs, e)"
                + " ON CONFLICT (instrument, currency, bar_interval, bucket_start) DO UPDATE SET"
                + " open = CASE WHEN excluded.open_seq < b.open_seq THEN excluded.open ELSE b.open END,"
                + " open_seq = LEAST(b.open_seq, excluded.open_seq),"
                + " high = GREATEST(b.high, excluded.high), low = LEAST(b.low, excluded.low),"
                + " close = CASE WHEN excluded.close_seq > b.close_seq THEN excluded.close ELSE b.close END,"
                + " close_seq = GREATEST(b.close_seq, excluded.close_seq),"
                + " volume = b.volume + excluded.volume, notional = b.notional + excluded.notional,"
                + " trade_count = b.trade_count + excluded.trade_count"
                + " RETURNING instrument, currency, bar_interval, bucket_start, bucket_end, open, high, low, close,"
                + " volume, notional, trade_count")) {
            sql.setArray(1, SqlArrays.texts(connection, deltas, d -> d.key().instrument()));
            sql.setArray(2, SqlArrays.texts(connection, deltas, d -> d.key().currency()));
            sql.setArray(3, SqlArrays.texts(connection, deltas, d -> d.key().interval()));
            sql.setArray(4, SqlArrays.texts(connection, deltas, d -> d.key().bucketStart().toString()));
            sql.setArray(5, SqlArrays.texts(connection, deltas, d -> d.open().toPlainString()));
            sql.setArray(6, SqlArrays.texts(connection, deltas, d -> d.high().toPlainString()));
            sql.setArray(7, SqlArrays.texts(connection, deltas, d -> d.low().toPlainString()));
            sql.setArray(8, SqlArrays.texts(connection, deltas, d -> d.close().toPlainString()));
            sql.setArray(9, SqlArrays.longs(connection, deltas, BarDelta::volume));
            sql.setArray(10, SqlArrays.texts(connection, deltas, d -> d.notional().toPlainString()));
            sql.setArray(11, SqlArrays.longs(connection, deltas, BarDelta::tradeCount));
            sql.setArray(12, SqlArrays.longs(connection, deltas, BarDelta::openSeq));
            sql.setArray(13, SqlArrays.longs(connection, deltas, BarDelta::closeSeq));
            sql.setArray(14, SqlArrays.texts(connection, deltas, d -> d.key().bucketEnd().toString()));
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    bars.add(new Bar(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getTimestamp(5).toInstant(),
                            rows.getBigDecimal(6), rows.getBigDecimal(7), rows.getBigDecimal(8), rows.getBigDecimal(9),
                            rows.getLong(10), rows.getBigDecimal(11), rows.getLong(12)));
                }
            }
        }
        return bars;
    }

    private static void upsertVolumes(Connection connection, BatchEffects effects) throws SQLException {
        List<Map.Entry<VolumeKey, VolumeDelta>> rows = new ArrayList<>(effects.volumes().entrySet());
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO daily_volumes AS d (party, day, issued,"
                + " transferred, retired, cancelled) SELECT p, y::date, i, t, r, c FROM unnest(?::text[], ?::text[],"
                + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(p, y, i, t, r, c)"
                + " ON CONFLICT (party, day) DO UPDATE SET issued = d.issued + excluded.issued,"
                + " transferred = d.transferred + excluded.transferred, retired = d.retired + excluded.retired,"
                + " cancelled = d.cancelled + excluded.cancelled")) {
            sql.setArray(1, SqlArrays.texts(connection, rows, r -> r.getKey().party()));
            sql.setArray(2, SqlArrays.texts(connection, rows, r -> r.getKey().day().toString()));
            sql.setArray(3, SqlArrays.longs(connection, rows, r -> r.getValue().issued()));
            sql.setArray(4, SqlArrays.longs(connection, rows, r -> r.getValue().transferred()));
            sql.setArray(5, SqlArrays.longs(connection, rows, r -> r.getValue().retired()));
            sql.setArray(6, SqlArrays.longs(connection, rows, r -> r.getValue().cancelled()));
            sql.executeUpdate();
        }
    }

    private static void insertInstruments(Connection connection, BatchEffects effects) throws SQLException {
        List<SeenInstrument> seen = new ArrayList<>(effects.instruments().values());
        if (seen.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO instruments (instrument, host_party,"
                + " vintage, label, first_seq) SELECT * FROM unnest(?::text[], ?::text[], ?::integer[], ?::text[],"
                + " ?::bigint[]) ON CONFLICT (instrument) DO NOTHING")) {
            sql.setArray(1, SqlArrays.texts(connection, seen, s -> s.instrument().code()));
            sql.setArray(2, SqlArrays.texts(connection, seen, s -> s.instrument().hostParty().value()));
            sql.setArray(3, SqlArrays.ints(connection, seen, s -> s.instrument().vintage().year()));
            sql.setArray(4, SqlArrays.texts(connection, seen, s -> s.instrument().label().name()));
            sql.setArray(5, SqlArrays.longs(connection, seen, SeenInstrument::firstSeq));
            sql.executeUpdate();
        }
    }

    /** Accounts opened (inserted) and closed (closed_seq set) by the batch. */
    private static void upsertAccounts(Connection connection, BatchEffects effects) throws SQLException {
        List<AccountChange> changes = new ArrayList<>(effects.accounts().values());
        if (changes.isEmpty()) {
            return;
        }
        // An account closed in this batch but opened in an earlier one exists already (the fold
        // refuses to close an unknown account), so its opened_seq of 0 is never inserted.
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO accounts AS a (account_id, opened_seq,"
                + " closed_seq, organization_id) SELECT i, o, NULLIF(c, 0), g FROM unnest(?::text[], ?::bigint[],"
                + " ?::bigint[], ?::text[]) AS u(i, o, c, g)"
                + " ON CONFLICT (account_id) DO UPDATE SET closed_seq = COALESCE(excluded.closed_seq, a.closed_seq)")) {
            sql.setArray(1, SqlArrays.texts(connection, changes, AccountChange::accountId));
            sql.setArray(2, SqlArrays.longs(connection, changes, AccountChange::openedSeq));
            sql.setArray(3, SqlArrays.longs(connection, changes, AccountChange::closedSeq));
            sql.setArray(4, SqlArrays.texts(connection, changes, AccountChange::organizationId));
            sql.executeUpdate();
        }
    }

    private static void upsertLastPrices(Connection connection, MarketEffects effects) throws SQLException {
        List<LastPrice> prices = new ArrayList<>(effects.lastPrices().values());
        if (prices.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO last_prices AS l (instrument, currency,"
                + " price_per_tonne, at, seq) SELECT i, c, p::numeric, a::timestamptz, s FROM unnest(?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(i, c, p, a, s)"
                + " ON CONFLICT (instrument, currency) DO UPDATE SET price_per_tonne = excluded.price_per_tonne,"
                + " at = excluded.at, seq = excluded.seq WHERE excluded.seq > l.seq")) {
            sql.setArray(1, SqlArrays.texts(connection, prices, LastPrice::instrument));
            sql.setArray(2, SqlArrays.texts(connection, prices, LastPrice::currency));
            sql.setArray(3, SqlArrays.texts(connection, prices, p -> p.pricePerTonne().toPlainString()));
            sql.setArray(4, SqlArrays.texts(connection, prices, p -> p.at().toString()));
            sql.setArray(5, SqlArrays.longs(connection, prices, LastPrice::seq));
            sql.executeUpdate();
        }
    }

    /** Delivery versus payment for the batch's priced transfers, in ledger order. */
    private static List<RegisteredTrade> settle(Connection connection, List<PricedTransfer> transfers, Clock clock)
            throws SQLException {
        if (transfers.isEmpty()) {
            return List.of();
        }
        Set<TradeKey> keys = new LinkedHashSet<>();
        transfers.forEach(t -> keys.add(t.key()));
        Map<TradeKey, RegisteredTrade> trades = TradeStore.load(connection, keys);
        if (trades.isEmpty()) {
            return List.of();
        }
        Map<TradeKey, RegisteredTrade> changed = new LinkedHashMap<>();
        for (PricedTransfer transfer : transfers) {
            RegisteredTrade before = trades.get(transfer.key());
            if (before == null) {
                continue;
            }
            RegisteredTrade after = DeliveryRules.onTransfer(before, transfer);
            if (!after.equals(before)) {
                trades.put(after.key(), after);
                changed.put(after.key(), after);
            }
        }
        List<RegisteredTrade> list = new ArrayList<>(changed.values());
        TradeStore.updateStatus(connection, list);
        return list;
    }
}
