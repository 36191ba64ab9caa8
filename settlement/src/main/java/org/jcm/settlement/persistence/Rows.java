package org.jcm.settlement.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jcm.settlement.feed.Bar;
import org.jcm.settlement.feed.BarInterval;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeLeg;
import org.jcm.settlement.trade.TradeStatus;

/** Maps rows of the reactive client to the service's records. */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static TradeLeg leg(Row row) {
        return new TradeLeg(row.getLong("seq"), row.getInteger("leg"), instant(row, "at"),
                Instrument.parse(row.getString("instrument")), row.getLong("quantity"),
                row.getBigDecimal("price_per_tonne"), row.getString("currency"), row.getString("venue"),
                row.getString("trade_id"), row.getString("from_account_id"), row.getString("to_account_id"));
    }

    public static Bar bar(Row row) {
        return new Bar(row.getString("instrument"), row.getString("currency"),
                BarInterval.of(row.getString("bar_interval")).orElseThrow(), instant(row, "bucket_start"),
                row.getBigDecimal("open"), row.getBigDecimal("high"), row.getBigDecimal("low"),
                row.getBigDecimal("close"), row.getLong("volume"), row.getBigDecimal("notional"),
                row.getLong("trade_count"));
    }

    public static RegisteredTrade trade(Row row) {
        Long statusSeq = row.getLong("status_seq");
        String mismatches = row.getString("mismatches");
        return new RegisteredTrade(new TradeKey(row.getString("venue"), row.getString("trade_id")),
                row.getString("seller_account_id"), row.getString("buyer_account_id"),
                Instrument.parse(row.getString("instrument")), row.getLong("quantity"),
                row.getBigDecimal("price_per_tonne"), row.getString("currency"), instant(row, "deliver_by"),
                TradeStatus.valueOf(row.getString("status")), statusSeq == null ? 0 : statusSeq,
                instant(row, "status_at"), mismatches == null ? List.of() : Arrays.asList(mismatches.split(",")));
    }
}
