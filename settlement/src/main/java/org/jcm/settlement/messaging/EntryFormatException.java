package org.jcm.settlement.messaging;

/** A record on the ledger topic that is not a well-formed ledger entry, or breaks the hash chain. */
public class EntryFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A record that cannot be applied, with the reason. */
    public EntryFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A record that cannot be applied. */
    public EntryFormatException(String message) {
        super(message);
    }
}
