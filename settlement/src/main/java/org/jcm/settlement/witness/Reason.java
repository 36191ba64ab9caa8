package org.jcm.settlement.witness;

/**
 * Why the witness refused a checkpoint: each raises the alarm (docs/settlement.md, "The witness").
 * The code is the {@code reason} of the status and of the metric {@code jcm_witness_disagreements_total}.
 */
public enum Reason {
    /** The message, its signed note or the checkpoint in it is malformed, or the message's fields differ from the note. */
    MALFORMED("malformed"),
    /** The note carries no signature line of the pinned log key. */
    UNKNOWN_KEY("unknown_key"),
    /** The pinned log key's signature line does not verify. */
    BAD_SIGNATURE("bad_signature"),
    /** The checkpoint names another origin than the configured one. */
    WRONG_ORIGIN("wrong_origin"),
    /** The root differs from the root of the witness's own tree at that size: the history differs. */
    ROOT_MISMATCH("root_mismatch"),
    /** The tree size is below that of the latest cosigned checkpoint: the log went back. */
    ROLLBACK("rollback"),
    /** The checkpoint is not consistent with the previous cosigned one. */
    INCONSISTENT("inconsistent"),
    /** A second, different checkpoint for a tree size the witness cosigned already. */
    CONFLICTING_CHECKPOINT("conflicting_checkpoint");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The stable snake_case code. */
    public String code() {
        return code;
    }
}
