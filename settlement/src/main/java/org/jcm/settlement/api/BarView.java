package org.jcm.settlement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jcm.settlement.feed.SessionCalendar;

import org.jcm.settlement.feed.Bar;

/**
 * One OHLCV bar in the feed; prices are decimal strings, VWAP rounded half-even to the configured scale.
 * A session bar has interval {@code session} and names its {@code venue}; other bars have no venue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BarView(String instrument, String currency, String interval, String venue, String start, String end,
                      String open, String high, String low, String close, String vwap, long volume, long tradeCount) {

    /** The view of a bar with VWAP at {@code vwapScale} decimal places. */
    public static BarView of(Bar bar, int vwapScale) {
        String prefix = SessionCalendar.SESSION + ":";
        boolean session = bar.interval().startsWith(prefix);
        return new BarView(bar.instrument(), bar.currency(), session ? SessionCalendar.SESSION : bar.interval(),
                session ? bar.interval().substring(prefix.length()) : null, Times.format(bar.bucketStart()),
                Times.format(bar.bucketEnd()), bar.open().toPlainString(), bar.high().toPlainString(),
                bar.low().toPlainString(), bar.close().toPlainString(), bar.vwap(vwapScale).toPlainString(),
                bar.volume(), bar.tradeCount());
    }
}
