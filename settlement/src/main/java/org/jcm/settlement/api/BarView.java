package org.jcm.settlement.api;

import org.jcm.settlement.feed.Bar;

/** One OHLCV bar in the feed; prices are decimal strings, VWAP rounded half-even to the configured scale. */
public record BarView(String instrument, String currency, String interval, String start, String end, String open,
                      String high, String low, String close, String vwap, long volume, long tradeCount) {

    /** The view of a bar with VWAP at {@code vwapScale} decimal places. */
    public static BarView of(Bar bar, int vwapScale) {
        return new BarView(bar.instrument(), bar.currency(), bar.interval().code(), Times.format(bar.bucketStart()),
                Times.format(bar.bucketEnd()), bar.open().toPlainString(), bar.high().toPlainString(),
                bar.low().toPlainString(), bar.close().toPlainString(), bar.vwap(vwapScale).toPlainString(),
                bar.volume(), bar.tradeCount());
    }
}
