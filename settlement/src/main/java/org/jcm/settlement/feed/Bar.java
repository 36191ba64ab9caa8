package org.jcm.settlement.feed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One OHLCV bar as stored: open and close are the first and last trades in ledger order, high and
 * low the extremes, volume the tonnes, notional the sum of price times tonnes (exact). The interval
 * is a {@link BarInterval} code or a venue's session ({@link SessionCalendar#code}); the bar covers
 * [{@code bucketStart}, {@code bucketEnd}).
 */
public record Bar(String instrument, String currency, String interval, Instant bucketStart, Instant bucketEnd,
                  BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, long volume, BigDecimal notional,
                  long tradeCount) {

    /** Volume-weighted average price: notional / volume, rounded half-even to {@code scale} places. */
    public BigDecimal vwap(int scale) {
        return notional.divide(BigDecimal.valueOf(volume), scale, RoundingMode.HALF_EVEN);
    }
}
