package org.jcm.ledger.state;

/**
 * An event cannot be folded into the state it is applied to: wrong sequence number, or it names
 * blocks, accounts or ids that do not match. The state machine never emits such an event; replay of
 * a tampered or truncated log does.
 */
public final class InconsistentEventException extends IllegalStateException {

    private final long seq;

    public InconsistentEventException(long seq, String message) {
        super("event " + seq + ": " + message);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
