package org.jcm.settlement.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.TradeLeg;

/** Maps rows of the reactive client to the service's records. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** A settled trade of {@code trades} as the trade feed shows it: {@link TradeLeg#settled}. */
    public static TradeLeg settledTrade(Row row) {
        return new TradeLeg(row.getLong("status_seq"), 1, instant(row, "status_at"),
                Instrument.parse(row.getString("instrument")), row.getLong("quantity"),
                row.getBigDecimal("price_per_tonne"), row.getString("currency"), row.getString("venue"),
                row.getString("trade_id"), row.getString("seller_account_id"), row.getString("buyer_account_id"));
    }

    public static Bar bar(Row row) {
        return new Bar(row.getString("instrument"), row.getString("currency"),
                row.getString("bar_interval"), instant(row, "bucket_start"), instant(row, "bucket_end"),
                row.getBigDecimal("open"), row.getBigDecimal("high"), row.getBigDecimal("low"),
                row.getBigDecimal("close"), row.getLong("volume"), row.getBigDecimal("notional"),
                row.getLong("trade_count"));
    }
}
