package org.jcm.settlement.feed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One OHLCV bar as stored: open and close are the first and last trades in ledger order, high and
 * low the extremes, volume the tonnes, notional the sum of price times tonnes (exact).
 */
public record Bar(String instrument, String currency, BarInterval interval, Instant bucketStart, BigDecimal open,
                  BigDecimal high, BigDecimal low, BigDecimal close, long volume, BigDecimal notional,
                  long tradeCount) {

    /** Volume-weighted average price: notional / volume, rounded half-even to {@code scale} places. */
    public BigDecimal vwap(int scale) {
        return notional.divide(BigDecimal.valueOf(volume), scale, RoundingMode.HALF_EVEN);
    }

    /** The end of the bar's interval (exclusive). */
    public Instant bucketEnd() {
        return interval.next(bucketStart);
    }
}
