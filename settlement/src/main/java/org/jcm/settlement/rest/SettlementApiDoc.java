package org.jcm.settlement.rest;

/**
 * Texts of the settlement service's OpenAPI document, and the sets of problem responses that
 * {@link SettlementProblemResponses} gives the operations of a resource or method that names one
 * (docs/settlement.md, "The OpenAPI document").
 */
final class SettlementApiDoc {

    /** {@code POST /api/v1/trades}: 400, 401, 403, 409, 413, 415, 422, 429, 503. */
    static final String REGISTRATION_PROBLEMS = "trade-registration";
    /** {@code POST /api/v1/trades/{venue}/{tradeId}/cancel}: 400, 401, 403, 404, 409, 503. */
    static final String CANCELLATION_PROBLEMS = "trade-cancellation";
    /** The reads that need a token (an exchange of the venue, the operator, an auditor): 400, 401, 403. */
    static final String READ_PROBLEMS = "read";
    /** The public reads: 400 for a bad query parameter. */
    static final String PUBLIC_PROBLEMS = "public";
    /** The webhook endpoints of the caller's organization or venue: 400, 401, 403. */
    static final String WEBHOOK_PROBLEMS = "webhooks";
    /** One webhook endpoint of the caller's, by id: 400, 401, 403, 404. */
    static final String WEBHOOK_BY_ID_PROBLEMS = "webhook";
    /** The operator's actions: 401, 403. */
    static final String OPERATOR_PROBLEMS = "operator";

    static final String KEY = "Client-chosen key, 1 to 128 visible ASCII characters, scoped to the venue; a retry with "
            + "the same key and body returns the first answer and stores nothing more.";
    static final String E400 = "Malformed JSON (malformed_json), text that cannot be stored (invalid_text), an unknown "
            + "field (unknown_field), a missing or invalid field (invalid_field, naming it), a bad path or query value "
            + "(invalid_parameter), or a missing or malformed Idempotency-Key (idempotency_key_required)";
    static final String E400_QUERY = "A path or query value that is not valid (invalid_parameter, naming it; a cursor "
            + "of another query is invalid too)";
    static final String E401 = "No bearer token, or one that is expired, wrongly signed, of another audience or issuer "
            + "(unauthorized), with WWW-Authenticate: Bearer";
    static final String E403 = "The token's role may not do this, or an exchange names another venue (forbidden)";
    static final String E403_WEBHOOK = "Not an account holder or exchange, or a token without its organization or venue "
            + "(forbidden)";
    static final String E404_WEBHOOK = "No live endpoint of the caller's organization or venue has this id (unknown_webhook)";
    static final String E409_REGISTRATION = "The trade is already registered (trade_already_registered), or the "
            + "Idempotency-Key was used before with another request (idempotency_key_reused)";
    static final String E409_CANCELLATION = "The trade is settled, mismatched, failed or cancelled "
            + "(trade_not_cancellable), the registry holds a transfer naming it (trade_delivery_held), or the "
            + "Idempotency-Key was used before with another request (idempotency_key_reused)";
    static final String E413 = "The declared Content-Length is over 1 MiB (body_too_large)";
    static final String E415 = "The body has no Content-Type or one that is not JSON (unsupported_media_type)";
    static final String E422 = "deliverBy before the clock or beyond the delivery window (deliver_by_out_of_range), an "
            + "account the ledger never opened (unknown_account) or has closed (account_closed); errors names the field";
    static final String E429 = "The venue registered more trades than its rate limit allows (rate_limited); nothing is "
            + "registered. Retry after Retry-After seconds with the same Idempotency-Key.";
    static final String E503_REGISTRATION = "Settlement is still catching up with the ledger and does not know an "
            + "account yet (unavailable), with Retry-After: 1. Retry with the same Idempotency-Key.";
    static final String E503_CANCELLATION = "Settlement is not caught up with the ledger (unavailable), with "
            + "Retry-After: 1. Retry with the same Idempotency-Key.";

    private SettlementApiDoc() {
    }
}
