package org.jcm.settlement.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.trade.TradeLeg;

/**
 * The public feeds (settled trades, OHLCV bars, daily volumes): keyset pages in an index's order, as
 * prepared SQL on the reactive PostgreSQL client. Instruments, trades and statements are entity
 * reads (see docs/decisions/0003-hibernate-reactive.md).
 */
@ApplicationScoped
public class FeedQueries {

    /** One row of the daily volume feed. */
    public record DailyVolume(String party, LocalDate day, long issued, long transferred, long retired,
                              long cancelled) {
    }

    private final Pool pool;

    FeedQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * Settled trades in the feeds after the cursor {@code (afterSeq, afterLeg)}, by the seq of their
     * delivering transfer, optionally of one instrument (indexes trades_in_feeds and
     * trades_in_feeds_by_instrument). Each is one leg, numbered 1.
     */
    public Uni<List<TradeLeg>> legs(String instrument, long afterSeq, int afterLeg, int limit) {
        return pool.preparedQuery("SELECT * FROM trades WHERE in_feeds AND ($1::text IS NULL OR instrument = $1)"
                        + " AND (status_seq, 1) > ($2, $3) ORDER BY status_seq LIMIT $4")
                .execute(Tuple.of(instrument, afterSeq, afterLeg, limit))
                .map(rows -> map(rows, Rows::settledTrade));
    }

    /**
     * Bars of one instrument and interval code ({@code 1m}, {@code 1h}, {@code 1d}, {@code session:<venue>}),
     * optionally one currency, with start in [from, to), after a cursor.
     */
    public Uni<List<Bar>> bars(String instrument, Optional<String> currency, String interval, Instant from,
                               Instant to, Instant afterStart, String afterCurrency, int limit) {
        return pool.preparedQuery("SELECT * FROM bars WHERE instrument = $1 AND bar_interval = $2"
                        + " AND ($3::text IS NULL OR currency = $3) AND bucket_start >= $4 AND bucket_start < $5"
                        + " AND (bucket_start, currency) > ($6, $7) ORDER BY bucket_start, currency LIMIT $8")
                .execute(Tuple.of(instrument, interval).addString(currency.orElse(null))
                        .addOffsetDateTime(utc(from)).addOffsetDateTime(utc(to)).addOffsetDateTime(utc(afterStart))
                        .addString(afterCurrency).addInteger(limit))
                .map(rows -> map(rows, Rows::bar));
    }

    /** Daily volumes with day in [from, to), optionally of one host Party, after the cursor {@code (day, party)}. */
    public Uni<List<DailyVolume>> volumes(Optional<String> party, LocalDate from, LocalDate to, LocalDate afterDay,
                                          String afterParty, int limit) {
        return pool.preparedQuery("SELECT * FROM daily_volumes WHERE ($1::text IS NULL OR party = $1)"
                        + " AND day >= $2 AND day < $3 AND (day, party) > ($4, $5) ORDER BY day, party LIMIT $6")
                .execute(Tuple.of(party.orElse(null), from, to, afterDay, afterParty, limit))
                .map(rows -> map(rows, row -> new DailyVolume(row.getString("party"), row.getLocalDate("day"),
                        row.getLong("issued"), row.getLong("transferred"), row.getLong("retired"),
                        row.getLong("cancelled"))));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static <T> List<T> map(io.vertx.mutiny.sqlclient.RowSet<Row> rows, java.util.function.Function<Row, T> f) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(f.apply(row));
        }
        return list;
    }
}
