package org.jcm.settlement.witness;

/** A checkpoint the witness refuses, with the reason and what it found. */
final class Disagreement extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final Long treeSize;
    private final String note;

    Disagreement(Reason reason, String detail) {
        this(reason, detail, null, null);
    }

    Disagreement(Reason reason, String detail, Long treeSize, String note) {
        super(detail, null, false, false);
        this.reason = reason;
        this.treeSize = treeSize;
        this.note = note;
    }

    Reason reason() {
        return reason;
    }

    /** The refused checkpoint's tree size, or null when the message did not get that far. */
    Long treeSize() {
        return treeSize;
    }

    /** The refused checkpoint's note, or null when the message had none. */
    String note() {
        return note;
    }
}
