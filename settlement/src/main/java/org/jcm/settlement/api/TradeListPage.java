package org.jcm.settlement.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * A page of registered trades ({@code GET /api/v1/trades}) in registration order; {@code next} is
 * the sealed cursor for the following page, or null at the end.
 */
public record TradeListPage(List<Item> items, String next) implements CsvTable {

    /** A registered trade as listed: its status view and when it was registered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TradeListItem")
    public record Item(String tradeId, String venue, String sellerAccountId, String buyerAccountId, String instrument,
                       long quantity, String pricePerTonne, String currency, String deliverBy, String registeredAt,
                       String status, Long ledgerSeq, String statusAt, List<String> mismatches,
                       long unmatchedReferenceCount) {

        /** The item of a trade registered at {@code registeredAt} that {@code unmatched} transfers named without deciding it. */
        public static Item of(RegisteredTrade t, Instant registeredAt, long unmatched) {
            TradeStatusView v = TradeStatusView.of(t, unmatched);
            return new Item(v.tradeId(), v.venue(), v.sellerAccountId(), v.buyerAccountId(), v.instrument(),
                    v.quantity(), v.pricePerTonne(), v.currency(), v.deliverBy(), Times.format(registeredAt),
                    v.status(), v.ledgerSeq(), v.statusAt(), v.mismatches(), unmatched);
        }
    }

    @Override
    public List<String> csvHeader() {
        return List.of("tradeId", "venue", "sellerAccountId", "buyerAccountId", "instrument", "quantity",
                "pricePerTonne", "currency", "deliverBy", "registeredAt", "status", "ledgerSeq", "statusAt",
                "mismatches", "unmatchedReferenceCount");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (Item t : items) {
            rows.add(List.of(t.tradeId(), t.venue(), t.sellerAccountId(), t.buyerAccountId(), t.instrument(),
                    Long.toString(t.quantity()), t.pricePerTonne(), t.currency(), t.deliverBy(), t.registeredAt(),
                    t.status(), t.ledgerSeq() == null ? "" : Long.toString(t.ledgerSeq()),
                    t.statusAt() == null ? "" : t.statusAt(), String.join(" ", t.mismatches()),
                    Long.toString(t.unmatchedReferenceCount())));
        }
        return rows;
    }
}
