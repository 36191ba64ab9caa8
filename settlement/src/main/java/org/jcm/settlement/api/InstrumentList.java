package org.jcm.settlement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** The instruments seen in the ledger, each with its last price (overall and per currency). */
public record InstrumentList(List<InstrumentView> items) implements CsvTable {

    /** The last trade of an instrument in one currency. */
    public record LastPrice(String currency, String pricePerTonne, String at, long seq) {
    }

    /** One instrument; {@code lastPrice} is its most recent trade in any currency, null if it never traded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstrumentView(String instrument, String hostParty, int vintage, String label, LastPrice lastPrice,
                                 List<LastPrice> lastPrices) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("instrument", "hostParty", "vintage", "label", "currency", "lastPricePerTonne", "lastAt",
                "lastSeq");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        for (InstrumentView i : items) {
            if (i.lastPrices().isEmpty()) {
                rows.add(List.of(i.instrument(), i.hostParty(), Integer.toString(i.vintage()), i.label(), "", "", "", ""));
            }
            for (LastPrice p : i.lastPrices()) {
                rows.add(List.of(i.instrument(), i.hostParty(), Integer.toString(i.vintage()), i.label(), p.currency(),
                        p.pricePerTonne(), p.at(), Long.toString(p.seq())));
            }
        }
        return rows;
    }
}
