package org.jcm.ledger.state;

/** Where a proposal of a four-eyes action stands. Every status but {@code PENDING} is final. */
public enum ProposalStatus {
    /** Waiting for a second subject's approval or rejection, until it expires. */
    PENDING,
    /** Approved by a second subject; the action executed in the same command. */
    APPROVED,
    /** Rejected by a second subject, with a reason; the action never executed. */
    REJECTED,
    /** Withdrawn by its proposer (a rejection by the proposer itself); the action never executed. */
    WITHDRAWN,
    /** Reached its expiry time unapproved; the action never executed. */
    EXPIRED
}
