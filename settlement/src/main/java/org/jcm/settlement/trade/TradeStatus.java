package org.jcm.settlement.trade;

/** Where a registered trade stands in delivery versus payment. */
public enum TradeStatus {
    /** Registered; no transfer has delivered it yet and its deadline has not passed. */
    PENDING_DELIVERY,
    /** A transfer from the seller account made by the deadline matched buyer, quantity and instrument. */
    SETTLED,
    /** The first transfer from the seller account made by the deadline that named this trade differs in one of those. */
    MISMATCHED,
    /** No transfer from the seller account naming this trade was made by the deadline. */
    FAILED,
    /**
     * The exchange cancelled it while it was pending and no delivery of it was held in the registry;
     * a transfer from the seller account made before the cancellation still decides it.
     */
    CANCELLED
}
