package org.jcm.settlement.messaging;

/**
 * An entry that the consumer must not skip and cannot apply: malformed, breaking the hash chain, or
 * contradicting the ledger folded so far. Skipping it would silently diverge from the registry, so
 * the consumer stops (state FAILED) until an operator rebuilds or the topic is repaired.
 */
public class FatalEntryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The entry at {@code offset} cannot be applied, for the reason given. */
    public FatalEntryException(long offset, String message, Throwable cause) {
        super("record at offset " + offset + ": " + message, cause);
    }
}
