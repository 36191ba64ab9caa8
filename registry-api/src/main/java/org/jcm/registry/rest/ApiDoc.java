package org.jcm.registry.rest;

/**
 * Texts shared by the OpenAPI annotations of the mutation endpoints, and the sets of problem
 * responses that {@link ProblemResponses} gives the operations of a resource that names one.
 */
final class ApiDoc {

    /** Every problem a mutation can answer: 400, 401, 403, 404, 409, 413, 415, 422, 429, 503. */
    static final String MUTATION_PROBLEMS = "mutation";
    /** The problems of the reference data resource (its own 404 and 409 are on its operations): 400, 401, 403, 413, 503. */
    static final String REFERENCE_PROBLEMS = "reference-data";

    /** The problems of the reference data writes (their own 404, 409 and 422 are on their operations): 400, 401, 403, 413, 415, 429, 503. */
    static final String REFERENCE_WRITE_PROBLEMS = "reference-write";

    /** The problems of an organization's disclosure writes (their own 409 and 503 are on their operations): 400, 401, 403, 404, 413, 415, 429. */
    static final String DISCLOSURE_WRITE_PROBLEMS = "disclosure-write";

    /** The problem responses of the reads that need a token: 401 and 403 ({@link ReadApiDoc}). */
    static final String READ_PROBLEMS = "read";

    static final String KEY = "Client-chosen key, 1 to 128 visible ASCII characters; a retry with the same key and body "
            + "returns the first answer and appends nothing.";
    static final String E400 = "Malformed JSON (malformed_json), an unknown field (unknown_field), a missing, mistyped or "
            + "out-of-range field (invalid_field), or a missing or malformed Idempotency-Key (idempotency_key_required, "
            + "invalid_idempotency_key)";
    static final String E400_DISCLOSURE = "Malformed JSON (malformed_json), an unknown field (unknown_field), a missing "
            + "or invalid field such as fiscalYear or scope (invalid_field), or, for an emission record, a missing or "
            + "malformed Idempotency-Key (idempotency_key_required, invalid_idempotency_key)";
    static final String E401 = "No bearer token, or one that is expired, wrongly signed or from another issuer (unauthorized)";
    /** The four-eyes endpoints: what their answer is and what executes the action. */
    static final String FOUR_EYES = " Four eyes: by the role that makes the action this proposes it (201, id the proposal id PR..., "
            + "event ProposalMade, Location /api/v1/proposals/{id}); it executes when a second subject of the same role and "
            + "scope whose token carries \"approver\": true approves it (POST /api/v1/proposals/{id}/approve), whose answer "
            + "lists ProposalApproved and then the events named here.";
    static final String E403 = "The token's role may not do this (forbidden_role) or its scope does not cover what the "
            + "request acts on (forbidden_scope)";
    static final String E404 = "Something the request names does not exist (unknown_registry, unknown_organization, "
            + "unknown_account, unknown_project, ...)";
    static final String E409 = "The request conflicts with the ledger (e.g. insufficient_units, account_frozen, "
            + "account_closed, units_not_held, unit_not_active) or reuses an Idempotency-Key for another request "
            + "(idempotency_key_reused)";
    static final String E413 = "The body is larger than 1 MiB (body_too_large)";
    static final String E415 = "The body has no Content-Type or one that is not JSON (unsupported_media_type)";
    static final String E429 = "The token's subject sent more writes than its rate limit allows (rate_limited); nothing "
            + "reached the ledger. Retry after Retry-After seconds with the same Idempotency-Key.";
    static final String E422 = "Well-formed but against a domain rule (e.g. same_account, not_holding_account, "
            + "quantity_mismatch, overlapping_serial_ranges, invalid_allocation), or cites a document never uploaded "
            + "(unknown_document)";
    static final String E503 = "Retryable, with Retry-After: the writer is busy (writer_overloaded), this instance is not "
            + "the writer (not_the_writer), or the ledger could not commit or its database is unreachable (ledger_unavailable). Retry with the same "
            + "Idempotency-Key.";

    private ApiDoc() {
    }
}
