package org.jcm.settlement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.jcm.settlement.trade.UnmatchedReference;

/**
 * A page of a venue's unmatched references, in ledger order; {@code next} is the cursor (a ledger
 * seq) for the following page, or null at the end.
 */
public record UnmatchedReferencePage(String venue, List<Item> items, String next) implements CsvTable {

    /** One transfer that named a trade of the venue and decided nothing; {@code instruments} in transfer order. */
    @Schema(name = "UnmatchedReference")
    public record Item(long seq, String at, String tradeId, String fromAccountId, String toAccountId, long quantity,
                       List<String> instruments, String pricePerTonne, String currency, String reason) {

        /** The view of a reference. */
        public static Item of(UnmatchedReference r) {
            return new Item(r.seq(), Times.format(r.at()), r.tradeId(), r.fromAccountId(), r.toAccountId(),
                    r.quantity(), r.instruments(), r.pricePerTonne().toPlainString(), r.currency(), r.reason().name());
        }
    }

    @Override
    public List<String> csvHeader() {
        return List.of("venue", "seq", "at", "tradeId", "fromAccountId", "toAccountId", "quantity", "instruments",
                "pricePerTonne", "currency", "reason");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (Item i : items) {
            rows.add(List.of(venue, Long.toString(i.seq()), i.at(), i.tradeId(), i.fromAccountId(), i.toAccountId(),
                    Long.toString(i.quantity()), String.join(" ", i.instruments()), i.pricePerTonne(), i.currency(),
                    i.reason()));
        }
        return rows;
    }
}
