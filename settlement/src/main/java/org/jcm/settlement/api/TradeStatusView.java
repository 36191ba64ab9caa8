package org.jcm.settlement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * A registered trade and where it stands: {@code ledgerSeq} is the transfer that settled or
 * mismatched it (or delivered it late, for FAILED), {@code statusAt} that transfer's time or the
 * deadline for FAILED, {@code mismatches} the fields that differed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeStatusView(String tradeId, String venue, String sellerAccountId, String buyerAccountId,
                              String instrument, long quantity, String pricePerTonne, String currency,
                              String deliverBy, String status, Long ledgerSeq, String statusAt,
                              List<String> mismatches) {

    /** The view of a trade. */
    public static TradeStatusView of(RegisteredTrade t) {
        return new TradeStatusView(t.key().tradeId(), t.key().venue(), t.sellerAccountId(), t.buyerAccountId(),
                t.instrument().code(), t.quantity(), t.pricePerTonne().toPlainString(), t.currency(),
                Times.format(t.deliverBy()), t.status().name(), t.statusSeq() == 0 ? null : t.statusSeq(),
                Times.format(t.statusAt()), t.mismatches());
    }
}
