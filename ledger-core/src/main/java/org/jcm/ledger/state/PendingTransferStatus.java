package org.jcm.ledger.state;

/** Where a pending transfer stands: waiting (for approval or for its time) or ended (how). */
public enum PendingTransferStatus {
    /** It needs a second account holder's approval, which has not been given. */
    AWAITING_APPROVAL,
    /** It needs no (more) approval and executes at its {@code executeAt}. */
    SCHEDULED,
    /** It executed: its units moved to the destination. */
    EXECUTED,
    /** It was cancelled by an account holder, or refused when it came due. */
    CANCELLED,
    /** Nobody approved it in time. */
    EXPIRED;

    /** Whether it still holds its units reserved. */
    public boolean open() {
        return this == AWAITING_APPROVAL || this == SCHEDULED;
    }
}
