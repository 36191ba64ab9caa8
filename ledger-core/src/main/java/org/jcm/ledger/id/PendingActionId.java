package org.jcm.ledger.id;

/**
 * The id of a pending action that can hold units reserved: a pending transfer
 * ({@link PendingTransferId}, {@code PT} plus 8 digits) or a proposal (a pending cancellation for
 * correction). The ledger keys each reservation by it, so the text of every implementation starts
 * with its own two-letter prefix and two ids of different kinds are never equal.
 */
public interface PendingActionId {

    /** The id as text, e.g. {@code PT00000001}. */
    String value();
}
