package org.jcm.ledger.credit;

/** What made authorized units first transferred (recorded in {@code FirstTransferRecorded}). */
public enum FirstTransferTrigger {
    /** NDC: an international transfer took the units to a registry of a Party other than the host. */
    INTERNATIONAL_TRANSFER,
    /** NDC: the units were already held in a registry of another Party when authorized. */
    AUTHORIZATION_HELD_ABROAD,
    /** OIMP, definition AUTHORIZATION. */
    OIMP_AUTHORIZATION,
    /** OIMP, definition ISSUANCE (the units were already issued when authorized). */
    OIMP_ISSUANCE,
    /** OIMP, definition USE_OR_CANCELLATION: a retirement or cancellation. */
    OIMP_USE_OR_CANCELLATION
}
