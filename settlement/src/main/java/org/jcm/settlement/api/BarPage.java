package org.jcm.settlement.api;

import java.util.ArrayList;
import java.util.List;

/** A page of OHLCV bars, ordered by start then currency; {@code next} continues after the last one. */
public record BarPage(String instrument, String interval, List<BarView> items, String next) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("instrument", "currency", "interval", "start", "end", "open", "high", "low", "close", "vwap",
                "volume", "tradeCount");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (BarView b : items) {
            rows.add(List.of(b.instrument(), b.currency(), b.interval(), b.start(), b.end(), b.open(), b.high(),
                    b.low(), b.close(), b.vwap(), Long.toString(b.volume()), Long.toString(b.tradeCount())));
        }
        return rows;
    }
}
