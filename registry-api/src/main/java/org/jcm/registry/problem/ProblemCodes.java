package org.jcm.registry.problem;

import org.jcm.support.problem.HttpProblemCodes;

/**
 * The problem codes of the registry's HTTP layer. All of them are the ones both services share
 * ({@link HttpProblemCodes}); this class stays so that the registry's own HTTP-layer codes have
 * one place to be added, and so that the registry's code reads {@code ProblemCodes.X} as before.
 * Domain rejections (such as {@code insufficient_units}) are defined with the ledger's rules, not here.
 */
public final class ProblemCodes extends HttpProblemCodes {

    /**
     * 403: approving (a proposal, a pending transfer) or rejecting another's proposal with a token
     * that lacks the claim {@code "approver": true} (see {@code docs/security.md}).
     */
    public static final String NOT_AN_APPROVER = "not_an_approver";

    /**
     * 404: no signed checkpoint of the tree size asked for (or none at all yet): proofs are given
     * only against checkpointed sizes (see {@code docs/transparency-log.md}).
     */
    public static final String CHECKPOINT_NOT_FOUND = "checkpoint_not_found";

    /** 400: a proof request whose parameters cannot make a proof (missing, not whole numbers, seq past the tree size). */
    public static final String INVALID_PROOF_REQUEST = "invalid_proof_request";

    /** 404: the transparency log's reads on an instance with {@code jcm.checkpoint.enabled=false}. */
    public static final String CHECKPOINTS_DISABLED = "checkpoints_disabled";

    /** 404: a retirement certificate asked for a seq that is no retirement's (no such entry, or another event type). */
    public static final String RETIREMENT_NOT_FOUND = "retirement_not_found";

    /** 409: a retirement certificate before a signed checkpoint covers the retirement; with {@code Retry-After}. */
    public static final String RETIREMENT_NOT_YET_CHECKPOINTED = "retirement_not_yet_checkpointed";

    /**
     * 503: the stored ledger does not verify against what the log signed (an entry, a stored tile or
     * a cosignature was changed behind the writer); the answer that would carry it is refused.
     */
    public static final String LEDGER_INTEGRITY_FAILURE = "ledger_integrity_failure";

    /**
     * 400: {@code ?format=} on an endpoint that offers no such format (CSV only where CSV is offered,
     * {@code html} only on retirement certificates; see {@code docs/api.md}, "Formats").
     */
    public static final String UNSUPPORTED_FORMAT = "unsupported_format";

    private ProblemCodes() {
    }
}
