package org.jcm.ledger.rule;

/**
 * Why the state machine refused a command: a stable snake_case code and the HTTP status the REST
 * layer answers with. The constants are declared in precedence order, which is also the order the
 * state machine checks them in: when a command breaks several rules, the first one listed here is
 * reported. The phases are: role (and four eyes), unknown references, scope (and the approver's
 * subject), duplicates, request rules that need no unit lookup, pending action, account and
 * authorization state, unit selection, rules on the selected units.
 */
public enum Rejection {
    // 1. The actor's role.
    /** The actor's role may not issue this command at all. */
    FORBIDDEN_ROLE(403),
    /**
     * A four-eyes action (issuance, freeze, unfreeze, cancellation for correction, authorization,
     * amendment, revocation, corresponding adjustment) was submitted directly by the role that may
     * only propose it: it must be proposed and approved by a second subject.
     */
    APPROVAL_REQUIRED(403),

    // 2. Everything the command names must exist.
    /** A Party named by the command (or implied by a registry, project or ISO alpha-2 code) is not registered. */
    UNKNOWN_PARTY(404),
    /** The registry named by the command is not hosted here. */
    UNKNOWN_REGISTRY(404),
    /** An organization named by the command is not registered. */
    UNKNOWN_ORGANIZATION(404),
    /** An account named by the command does not exist. */
    UNKNOWN_ACCOUNT(404),
    /** A project named by the command (directly or in a serial range) is not registered. */
    UNKNOWN_PROJECT(404),
    /** The issuance request named by the command does not exist. */
    UNKNOWN_ISSUANCE_REQUEST(404),
    /** The issuance named by the command does not exist. */
    UNKNOWN_ISSUANCE(404),
    /** The authorization named by the command does not exist. */
    UNKNOWN_AUTHORIZATION(404),
    /** A sequence number named as a first transfer is not a FirstTransferRecorded event. */
    UNKNOWN_FIRST_TRANSFER(404),
    /** The pending action (a pending transfer or a proposal) named by the command does not exist. */
    PROPOSAL_NOT_FOUND(404),
    /** The methodology named by the command is not registered. */
    UNKNOWN_METHODOLOGY(404),
    /** The third-party entity named by the command is not accredited here. */
    UNKNOWN_THIRD_PARTY_ENTITY(404),
    /** The project application named by the command does not exist. */
    UNKNOWN_APPLICATION(404),
    /** The monitoring cycle named by the command does not exist. */
    UNKNOWN_MONITORING_CYCLE(404),

    // 3. The actor's scope.
    /** The actor's scope (organization, registry or Party) does not cover what the command acts on. */
    FORBIDDEN_SCOPE(403),
    /** The subject who proposed (or initiated) the pending action may not approve it: a second person must. */
    APPROVAL_BY_PROPOSER(403),
    /** The account holder acts for neither the application's representative participant nor its proxy. */
    NOT_THE_APPLICANT(403),
    /** The actor is not the reviewer of this step: the government of a host Party (Project Idea Note), the JC secretariat of the first host (decisions). */
    NOT_THE_REVIEWER(403),
    /** The third-party entity is not active, or its accreditation does not cover the methodology's sectoral scope and every host Party. */
    TPE_NOT_ACCREDITED(403),
    /** Only an account holder of the representative participant consents to a participant change; the proxy cannot consent for it. */
    CONSENT_REQUIRED(403),
    /** The entity that validated the project may not verify it, unless its methodology allows the same entity to do both. */
    SAME_TPE_FOR_VALIDATION_AND_VERIFICATION(403),

    // 4. Duplicates.
    /** A Party with this alpha-3 or alpha-2 code is already registered. */
    PARTY_ALREADY_REGISTERED(409),
    /** A registry with this id is already hosted here. */
    REGISTRY_ALREADY_REGISTERED(409),
    /** A project with this id is already registered. */
    PROJECT_ALREADY_REGISTERED(409),
    /** An issuance with this id was already made. */
    ISSUANCE_ALREADY_ISSUED(409),
    /** This registry already issued its share of the Joint Committee decision for this project, monitoring period and vintage. */
    ISSUANCE_DECISION_ALREADY_ISSUED(409),
    /** An authorization with this id already exists. */
    AUTHORIZATION_ALREADY_EXISTS(409),
    /** The account is already on the organization's trusted-account list (or is one of its own accounts, always trusted). */
    ACCOUNT_ALREADY_TRUSTED(409),
    /** A methodology with this id is already registered. */
    METHODOLOGY_ALREADY_REGISTERED(409),
    /** A third-party entity with this id is already accredited. */
    THIRD_PARTY_ENTITY_ALREADY_ACCREDITED(409),

    // 5. Rules on the request itself.
    /** The source and destination of a transfer are the same account. */
    SAME_ACCOUNT(422),
    /** A partner must carry the date its JCM partnership document was signed (not in the future); a candidate and Japan carry none. */
    INVALID_SIGNING_DATE(422),
    /** The methodology id does not begin with its host Party's alpha-2 code, an update names another host, or an application's methodology is not of its first host. */
    METHODOLOGY_NOT_OF_HOST(422),
    /** The sectoral scope is not among those the host Party's JCM agreement covers. */
    SCOPE_NOT_IN_AGREEMENT(422),
    /** The application's methodology is not APPROVED (a draft, suspended or withdrawn one cannot be applied). */
    METHODOLOGY_NOT_APPROVED(422),
    /** A return for revision or a rejection gives no reasons. */
    REASONS_REQUIRED(422),
    /** The step's required document kind is not among the documents (PIN, PDD, validation report, ...). */
    MISSING_DOCUMENT(422),
    /** The monitoring period is longer than the methodology allows. */
    MONITORING_PERIOD_TOO_LONG(422),
    /** The verified quantity is more than the quantity the monitoring report claims. */
    VERIFIED_EXCEEDS_CLAIMED(422),
    /** Units can only leave, and be transferred or issued into, HOLDING accounts; only those can be frozen or closed. */
    NOT_HOLDING_ACCOUNT(422),
    /** The monitoring period ends before it starts, or the vintage year lies outside it. */
    INVALID_MONITORING_PERIOD(422),
    /** Allocations do not add up to the total or repeat an account. */
    INVALID_ALLOCATION(422),
    /** An allocation names an account of another registry than the issuing administrator's: each side issues its share into its own registry. */
    ALLOCATION_OUTSIDE_ISSUING_REGISTRY(422),
    /** The issuance request is for another project or another monitoring period. */
    ISSUANCE_REQUEST_MISMATCH(422),
    /** The issuance cites a monitoring cycle's request but is not a share the Joint Committee decided: no decision yet, no share of this registry and vintage, or other allocations. */
    ISSUANCE_NOT_AS_DECIDED(422),
    /** The issuances made on this request would exceed its verified quantity. */
    VERIFIED_QUANTITY_EXCEEDED(422),
    /** The issuance decision allocates to the Japanese government's account less than floor(total * Japan's financing share / 10000). */
    JAPAN_SHARE_BELOW_FINANCING(422),
    /** The issuance's total exceeds the configured maximum for one issuance. */
    ISSUANCE_QUANTITY_LIMIT_EXCEEDED(422),
    /** The quantity differs from the number of units in the named serial ranges. */
    QUANTITY_MISMATCH(422),
    /** Named serial ranges (or first-transfer sequence numbers) overlap or repeat. */
    OVERLAPPING_SERIAL_RANGES(422),
    /** A retirement for NDC use must name the using Party and the year of use. */
    USE_DETAILS_REQUIRED(422),
    /** The Party is not a Party to the Paris Agreement, so it cannot authorize or use ITMOs. */
    PARTY_NOT_PARIS_AGREEMENT_PARTY(422),
    /** The cooperative approach is not the one configured for the authorizing Party. */
    COOPERATIVE_APPROACH_MISMATCH(422),
    /** The project's host Party does not have JCM status partner (now), so its projects can be neither registered nor issued for. */
    HOST_NOT_JCM_PARTNER(422),
    /** The registry is neither Japan's nor the host Party's, so it cannot register this project. */
    REGISTRY_NOT_ELIGIBLE(422),
    /** The units' project is hosted by another Party than the government acting on them. */
    NOT_HOST_PARTY(422),
    /** A unit's vintage is outside the vintages the authorization allows. */
    VINTAGE_NOT_AUTHORIZED(422),
    /** The authorization's units over all its versions would exceed its authorized quantity. */
    AUTHORIZATION_CAP_EXCEEDED(422),
    /** The authorization cannot be revoked because some of its units were first transferred. */
    ALREADY_FIRST_TRANSFERRED(422),
    /** The adjustment year is in none of the configured NDC periods. */
    YEAR_OUTSIDE_NDC_PERIOD(422),
    /** The adjustment year differs from the vintage of the units. */
    ADJUSTMENT_YEAR_MISMATCH(422),
    /** The Party already applies another corresponding-adjustment method in this NDC period. */
    CA_METHOD_MISMATCH(422),
    /** The host Party's unit numbering for this vintage would pass 2^53 - 1. */
    UNIT_NUMBERING_EXHAUSTED(422),
    /** The first host already has a project numbered 999: the Joint Committee's project ids have 3 digits. */
    PROJECT_NUMBERING_EXHAUSTED(422),
    /** The units issued in this ledger, all host Parties and vintages together, would pass 2^53 - 1, the largest total the API reports exactly. */
    LEDGER_UNIT_LIMIT_EXCEEDED(422),

    // 6. State of pending actions, accounts and authorizations.
    /** The pending action already ended or no longer waits for this step (approved, rejected, cancelled, executed or expired: the detail says which). */
    PROPOSAL_NOT_PENDING(409),
    /** The approval comes at or after the pending action's expiry, which the ledger has not yet recorded. */
    PROPOSAL_EXPIRED(409),
    /** A sectoral scope cannot leave the Party's agreement while an APPROVED methodology of the Party uses it. */
    SCOPE_IN_USE(409),
    /** The application, monitoring cycle or participant change is not at the step this command acts on; the detail says where it is. */
    APPLICATION_WRONG_STEP(409),
    /** The monitoring period shares a day with another monitoring cycle of the project that was not rejected. */
    MONITORING_PERIOD_OVERLAP(409),
    /** The authorization was revoked; it can no longer be amended or revoked. */
    AUTHORIZATION_REVOKED(409),
    /** The account is closed. */
    ACCOUNT_CLOSED(409),
    /** The source account is frozen (or, for a freeze, already frozen; for a pending transfer being approved or executed, either account). */
    ACCOUNT_FROZEN(409),
    /** The account to unfreeze is not frozen. */
    ACCOUNT_NOT_FROZEN(409),
    /** The account to close still holds units. */
    ACCOUNT_NOT_EMPTY(409),
    /** The account to remove is not on the organization's trusted-account list. */
    ACCOUNT_NOT_TRUSTED(409),

    // 7. Unit selection.
    /** A named serial range includes units that were never issued for that project and vintage. */
    UNKNOWN_UNITS(404),
    /** A named unit is cancelled or retired. */
    UNIT_NOT_ACTIVE(409),
    /** A named unit is held by another account than the source. */
    UNITS_NOT_HELD(409),
    /** A named unit is reserved for a pending action (a pending transfer or cancellation) and cannot be selected by anything else. */
    UNITS_RESERVED(409),
    /** A named unit already carries an authorization. */
    ALREADY_AUTHORIZED(409),
    /** The source account holds fewer matching units than the quantity. */
    INSUFFICIENT_UNITS(409),

    // 8. Rules on the selected units.
    /** A selected unit is not authorized for the retirement's purpose (NDC or OIMP). */
    UNITS_NOT_AUTHORIZED_FOR_PURPOSE(422),
    /** A named unit is not first transferred and pending its corresponding adjustment (not authorized, COMMITTED or already APPLIED). */
    CA_NOT_PENDING(422);

    private final int httpStatus;
    private final String code;

    Rejection(int httpStatus) {
        this.httpStatus = httpStatus;
        this.code = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stable snake_case code, e.g. {@code insufficient_units}. */
    public String code() {
        return code;
    }

    /** The HTTP status of the problem response: 403, 404, 409 or 422. */
    public int httpStatus() {
        return httpStatus;
    }

    public static Rejection ofCode(String code) {
        for (Rejection r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rejection code " + code);
    }
}
