package org.jcm.registry.disclosure;

/** The problem codes of emission records, disclosure statements and publications (docs/disclosure.md). */
public final class DisclosureCodes {

    /** 409: a new emission record whose {@code supersedes} is not the fiscal year's latest version. */
    public static final String STALE_EMISSION_RECORD = "stale_emission_record";

    /**
     * 503: a stored emission record does not verify (its canonical JSON, hash, chain or signature):
     * the table was changed behind the service, and the records are not answered.
     */
    public static final String EMISSION_RECORD_INTEGRITY_FAILURE = "emission_record_integrity_failure";

    /** 404: no publication of that organization, fiscal year and scope. */
    public static final String PUBLICATION_NOT_FOUND = "publication_not_found";

    /** 409: the Idempotency-Key was used for another request (the shared code of the HTTP layer). */
    static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";

    private DisclosureCodes() {
    }
}
