package org.jcm.settlement.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivery versus payment as a pure function, so that the consumer (a transfer arrives after the
 * trade was registered) and the registration (the transfer was already applied) reach the same
 * status whatever the order in which they happen, and a rebuild reaches it again:
 *
 * <ol>
 *   <li>Only a transfer from the trade's seller account can decide it. A transfer from any other
 *       account that names the trade changes nothing: it is an unmatched reference, which the venue
 *       reads back (any holder can name any trade in a transfer of its own units).</li>
 *   <li>The first transfer from the seller account, in ledger order, that names the trade and whose
 *       event time is not after {@code deliverBy} decides: SETTLED if buyer, quantity and instrument
 *       match, else MISMATCHED. Later transfers naming the trade change nothing.</li>
 *   <li>A transfer from the seller account that names a still pending trade after its deadline
 *       makes it FAILED (a late delivery); one made in time still decides a FAILED trade, because
 *       the ledger, not the moment the deadline sweep ran, says whether delivery was in time.</li>
 *   <li>A pending trade whose deadline has passed on the clock is FAILED by the sweep.</li>
 *   <li>A CANCELLED trade (its {@code statusAt} is the moment of the cancellation) is decided only by a
 *       transfer from the seller account made in time and not after the cancellation: the units
 *       moved while the trade stood, so the trade is owed. Any later transfer changes nothing.</li>
 * </ol>
 */
public final class DeliveryRules {

    private DeliveryRules() {
    }

    /** The trade's status after one more transfer that names it. */
    public static RegisteredTrade onTransfer(RegisteredTrade trade, PricedTransfer transfer) {
        if (!isFromSeller(trade, transfer)) {
            return trade;
        }
        boolean inTime = !transfer.at().isAfter(trade.deliverBy());
        return switch (trade.status()) {
            case SETTLED, MISMATCHED -> trade;
            case PENDING_DELIVERY -> inTime ? decide(trade, transfer)
                    : trade.withStatus(TradeStatus.FAILED, transfer.seq(), trade.deliverBy(), List.of());
            case FAILED -> inTime ? decide(trade, transfer) : trade;
            case CANCELLED -> inTime && !transfer.at().isAfter(trade.statusAt()) ? decide(trade, transfer) : trade;
        };
    }

    /** The trade's status after every transfer naming it (in ledger order), then the deadline sweep. */
    public static RegisteredTrade replay(RegisteredTrade trade, List<PricedTransfer> transfers, Clock clock) {
        RegisteredTrade current = trade;
        for (PricedTransfer transfer : transfers) {
            current = onTransfer(current, transfer);
        }
        return sweep(current, clock);
    }

    /** FAILED if still pending after its deadline. */
    public static RegisteredTrade sweep(RegisteredTrade trade, Clock clock) {
        if (trade.status() == TradeStatus.PENDING_DELIVERY && clock.instant().isAfter(trade.deliverBy())) {
            return trade.withStatus(TradeStatus.FAILED, 0, trade.deliverBy(), List.of());
        }
        return trade;
    }

    /** The trade cancelled at {@code at}, as the exchange asks while it is pending (and as a rebuild restores it). */
    public static RegisteredTrade cancel(RegisteredTrade trade, Instant at) {
        if (trade.status() != TradeStatus.PENDING_DELIVERY) {
            throw new IllegalStateException("only a pending trade can be cancelled, not a " + trade.status() + " one");
        }
        return trade.withStatus(TradeStatus.CANCELLED, 0, at, List.of());
    }

    /** Whether the transfer comes from the trade's seller account, the only one that can decide the trade. */
    public static boolean isFromSeller(RegisteredTrade trade, PricedTransfer transfer) {
        return trade.sellerAccountId().equals(transfer.fromAccountId());
    }

    /**
     * The fields of a transfer from the seller account that differ from the trade, in a fixed
     * order ({@code buyerAccountId}, {@code quantity}, {@code instrument}); empty when it delivers.
     */
    public static List<String> mismatches(RegisteredTrade trade, PricedTransfer transfer) {
        List<String> fields = new ArrayList<>(3);
        if (!trade.buyerAccountId().equals(transfer.toAccountId())) {
            fields.add("buyerAccountId");
        }
        if (trade.quantity() != transfer.quantity()) {
            fields.add("quantity");
        }
        if (transfer.legs().size() != 1 || !transfer.legs().get(0).instrument().equals(trade.instrument())) {
            fields.add("instrument");
        }
        return fields;
    }

    private static RegisteredTrade decide(RegisteredTrade trade, PricedTransfer transfer) {
        List<String> fields = mismatches(trade, transfer);
        TradeStatus status = fields.isEmpty() ? TradeStatus.SETTLED : TradeStatus.MISMATCHED;
        return trade.withStatus(status, transfer.seq(), transfer.at(), fields);
    }
}
