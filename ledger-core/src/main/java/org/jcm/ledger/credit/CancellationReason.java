package org.jcm.ledger.credit;

/** Why units are cancelled: voluntary cancellation, overall mitigation in global emissions, or a correction. */
public enum CancellationReason {
    VOLUNTARY,
    OMGE,
    CORRECTION
}
