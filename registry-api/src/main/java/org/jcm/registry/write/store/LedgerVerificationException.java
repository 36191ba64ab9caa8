package org.jcm.registry.write.store;

/** The stored ledger is not consistent: a broken chain, an unreadable event, or live rows that differ from replay. */
public class LedgerVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public LedgerVerificationException(String message) {
        super(message);
    }

    public LedgerVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
