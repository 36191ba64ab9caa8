package org.jcm.registry.disclosure;

import java.util.Map;
import java.util.TreeMap;
import org.jcm.ledger.canonical.Json;

/**
 * What an account holder states for a new version of an emission record, once checked: whole
 * tonnes from 0 to 2^53 - 1, a scope 2 basis, texts of 1 to 500 characters.
 *
 * @param scope3 null when not stated
 * @param supersedes the version corrected, null for the first
 */
public record EmissionStatement(String organizationId, int fiscalYear, long scope1, long scope2, String scope2Basis,
                                Long scope3, String source, String assuranceReference, Integer supersedes) {

    /** The bases of a scope 2 figure. */
    public static final java.util.List<String> BASES = java.util.List.of("LOCATION", "MARKET");

    /** The longest source or assurance reference. */
    public static final int MAX_TEXT = 500;

    /** The statement's content as canonical JSON: what an Idempotency-Key replay must repeat. */
    String canonicalJson() {
        Map<String, Object> m = new TreeMap<>();
        m.put("assuranceReference", assuranceReference);
        m.put("fiscalYear", (long) fiscalYear);
        m.put("organizationId", organizationId);
        m.put("scope1", scope1);
        m.put("scope2", scope2);
        m.put("scope2Basis", scope2Basis);
        m.put("scope3", scope3);
        m.put("source", source);
        m.put("supersedes", supersedes == null ? null : (long) supersedes);
        return Json.write(m);
    }
}
