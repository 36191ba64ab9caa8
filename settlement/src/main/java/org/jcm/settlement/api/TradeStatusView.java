package org.jcm.settlement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * A registered trade and where it stands: {@code ledgerSeq} is the transfer from the seller account
 * that settled or mismatched it (or delivered it late, for FAILED), {@code statusAt} that
 * transfer's time or the deadline for FAILED, {@code mismatches} the fields that differed, and
 * {@code unmatchedReferenceCount} the transfers that named the trade and decided nothing (listed by
 * {@code GET /api/v1/unmatched-references/{venue}?tradeId=}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeStatusView(String tradeId, String venue, String sellerAccountId, String buyerAccountId,
                              String instrument, long quantity, String pricePerTonne, String currency,
                              String deliverBy, String status, Long ledgerSeq, String statusAt,
                              List<String> mismatches, long unmatchedReferenceCount) {

    /** The view of a trade that {@code unmatchedReferences} transfers named without deciding it. */
    public static TradeStatusView of(RegisteredTrade t, long unmatchedReferences) {
        return new TradeStatusView(t.key().tradeId(), t.key().venue(), t.sellerAccountId(), t.buyerAccountId(),
                t.instrument().code(), t.quantity(), t.pricePerTonne().toPlainString(), t.currency(),
                Times.format(t.deliverBy()), t.status().name(), t.statusSeq() == 0 ? null : t.statusSeq(),
                Times.format(t.statusAt()), t.mismatches(), unmatchedReferences);
    }
}
