package org.jcm.settlement.api;

import java.util.ArrayList;
import java.util.List;

/** A page of the trade feed; {@code next} is the cursor for the following page, or null at the end. */
public record TradePage(List<TradeView> items, String next) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("cursor", "seq", "leg", "at", "instrument", "quantity", "pricePerTonne", "currency", "venue",
                "tradeId");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (TradeView t : items) {
            rows.add(List.of(t.cursor(), Long.toString(t.seq()), Integer.toString(t.leg()), t.at(), t.instrument(),
                    Long.toString(t.quantity()), t.pricePerTonne(), t.currency(), t.venue(), t.tradeId()));
        }
        return rows;
    }
}
