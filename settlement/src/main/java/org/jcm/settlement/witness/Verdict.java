package org.jcm.settlement.witness;

/**
 * What the witness makes of a verified checkpoint message once it compared it with its own tree and
 * its earlier cosignatures.
 *
 * @param kind the outcome
 * @param disagreement why it refuses the checkpoint ({@link Kind#DISAGREE} only)
 */
record Verdict(Kind kind, Disagreement disagreement) {

    /** The outcomes. */
    enum Kind {
        /** The tree is smaller than the checkpoint: look again once more entries are consumed. */
        WAIT,
        /** The same checkpoint was cosigned before: nothing to do. */
        DUPLICATE,
        /** The checkpoint agrees with the tree and the previous cosigned checkpoint: cosign it. */
        AGREE,
        /** The checkpoint disagrees: raise the alarm. */
        DISAGREE
    }

    static Verdict of(Kind kind) {
        return new Verdict(kind, null);
    }

    static Verdict disagree(Reason reason, String detail) {
        return new Verdict(Kind.DISAGREE, new Disagreement(reason, detail));
    }
}
