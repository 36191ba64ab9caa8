package org.jcm.ledger.credit;

/**
 * Corresponding-adjustment state of a block (docs/domain.md section 5). It only moves forward:
 * NOT_REQUIRED -> COMMITTED -> PENDING -> APPLIED; revoking an authorization (allowed only while
 * COMMITTED) is the one way back to NOT_REQUIRED.
 */
public enum CaState {
    /** Not authorized. */
    NOT_REQUIRED,
    /** Authorized, not yet first transferred. */
    COMMITTED,
    /** First transferred: the host Party must adjust for the vintage year. */
    PENDING,
    /** The host government recorded the adjustment. */
    APPLIED;

    /** The Article 6 label this state shows in instruments and balances. */
    public Label label() {
        return switch (this) {
            case NOT_REQUIRED -> Label.NONE;
            case COMMITTED, PENDING -> Label.AUTHORIZED;
            case APPLIED -> Label.CA_APPLIED;
        };
    }
}
