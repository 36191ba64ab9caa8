package org.jcm.settlement.trade;

/** Where a registered trade stands in delivery versus payment. */
public enum TradeStatus {
    /** Registered; no transfer has delivered it yet and its deadline has not passed. */
    PENDING_DELIVERY,
    /** A transfer made by the deadline matched seller, buyer, quantity and instrument. */
    SETTLED,
    /** The first transfer made by the deadline that named this trade differs in at least one of those. */
    MISMATCHED,
    /** No transfer naming this trade was made by the deadline. */
    FAILED
}
