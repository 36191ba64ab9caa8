package org.jcm.ledger.credit;

/** The status of a block's units: ACTIVE can move; CANCELLED and RETIRED are terminal. */
public enum BlockStatus {
    ACTIVE,
    CANCELLED,
    RETIRED
}
