package org.jcm.ledger.credit;

/** The authorization's definition of first transfer for other international mitigation purposes. */
public enum OimpFirstTransfer {
    /** At authorization. */
    AUTHORIZATION,
    /** At issuance; units are authorized after issuance here, so it happens at authorization. */
    ISSUANCE,
    /** When the unit is retired or cancelled. */
    USE_OR_CANCELLATION
}
