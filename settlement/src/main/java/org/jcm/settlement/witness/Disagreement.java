package org.jcm.settlement.witness;

/** A checkpoint the witness refuses, with the reason and what it found. */
final class Disagreement extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    Disagreement(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
