package org.jcm.settlement.problem;

import org.jcm.support.problem.HttpProblemCodes;

/**
 * The problem codes of settlement's HTTP layer: the ones both services share
 * ({@link HttpProblemCodes}) and those only settlement answers with, and a bare 503 answered as
 * {@code unavailable} (the registry has no such code, so these two methods hide the shared ones).
 * Domain rejections (such as {@code insufficient_units}) are defined with the ledger's rules, not here.
 */
public final class ProblemCodes extends HttpProblemCodes {

    /** A required query parameter is missing or has a value the endpoint does not accept. */
    public static final String INVALID_PARAMETER = "invalid_parameter";
    /** A mutation came without an {@code Idempotency-Key} header, or with a malformed one. */
    public static final String IDEMPOTENCY_KEY_REQUIRED = "idempotency_key_required";
    /** The {@code Idempotency-Key} was used before with a different request body. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
    /** A trade with this venue and trade id is already registered (with another Idempotency-Key). */
    public static final String TRADE_ALREADY_REGISTERED = "trade_already_registered";
    /** No registered trade has this venue and trade id. */
    public static final String UNKNOWN_TRADE = "unknown_trade";
    /** A trade that is no longer pending (settled, mismatched, failed or cancelled) cannot be cancelled (409). */
    public static final String TRADE_NOT_CANCELLABLE = "trade_not_cancellable";
    /** The registry holds a transfer from the seller naming the trade, so the trade cannot be cancelled (409). */
    public static final String TRADE_DELIVERY_HELD = "trade_delivery_held";
    /** A trade names an account that the ledger, as settlement has read it, never opened (422). */
    public static final String UNKNOWN_ACCOUNT = "unknown_account";
    /** A trade names an account that the ledger has closed (422): it can never deliver or receive. */
    public static final String ACCOUNT_CLOSED = "account_closed";
    /** A trade's {@code deliverBy} is in the past or beyond the registration window (422). */
    public static final String DELIVER_BY_OUT_OF_RANGE = "deliver_by_out_of_range";
    /** The witness has cosigned no checkpoint of that tree size (or none at all yet) (404). */
    public static final String CHECKPOINT_NOT_FOUND = "checkpoint_not_found";
    /** The witness is switched off ({@code jcm.witness.enabled=false}), so it has no key (404). */
    public static final String WITNESS_DISABLED = "witness_disabled";
    /** A webhook URL is not https, or its host resolves to an address webhooks may not reach (400). */
    public static final String WEBHOOK_URL_REFUSED = "webhook_url_refused";
    /** The caller's organization or venue has as many live webhook endpoints as it may (409). */
    public static final String TOO_MANY_WEBHOOKS = "too_many_webhooks";
    /** No live webhook endpoint of the caller's organization or venue has this id (404). */
    public static final String UNKNOWN_WEBHOOK = "unknown_webhook";
    /** The ledger consumer cannot take the request now (for example it is not running). */
    public static final String UNAVAILABLE = "unavailable";

    private ProblemCodes() {
    }

    /** The code of a bare HTTP status: as {@link HttpProblemCodes#forStatus}, and 503 is {@code unavailable}. */
    public static String forStatus(int status) {
        return status == 503 ? UNAVAILABLE : HttpProblemCodes.forStatus(status);
    }

    /** A detail for a bare HTTP status: as {@link HttpProblemCodes#detailForStatus}, with settlement's own for 503. */
    public static String detailForStatus(int status) {
        return status == 503 ? "The service cannot handle the request now." : HttpProblemCodes.detailForStatus(status);
    }
}
