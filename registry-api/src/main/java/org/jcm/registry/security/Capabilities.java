package org.jcm.registry.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.command.Role;

/**
 * What each role may do on registry-api beyond the public reads: the operations ({@code METHOD
 * path}, ids as {@code {id}}) that a token of the role may call <em>within its scope</em> (its
 * organization, registry, Party, venue or entity; the ledger and the read checks still decide each
 * request). {@code GET /api/v1/me} answers the caller's row, and docs/security.md ("What each role
 * may do") shows the same table; {@code security/CapabilitiesTest} checks it against the access
 * matrix. Public reads (every row of the matrix that answers 200 without a token) are left out:
 * they need no token.
 */
public final class Capabilities {

    private static final String V = "/api/v1";
    private static final String ME = "GET " + V + "/me";
    private static final String UPLOAD = "POST " + V + "/documents";
    private static final String DOCUMENT = "GET " + V + "/documents/{id}";
    private static final String DOCUMENT_METADATA = "GET " + V + "/documents/{id}/metadata";
    private static final String ORGANIZATION = "GET " + V + "/organizations/{id}";
    private static final String ORGANIZATIONS = "GET " + V + "/organizations";
    private static final String ACCOUNTS = "GET " + V + "/accounts";
    private static final String CERTIFICATE = "GET " + V + "/retirements/{id}/certificate";
    private static final String UNIT_PROOF = "GET " + V + "/units/{id}/proof";
    private static final List<String> ACCOUNT_READS = List.of("GET " + V + "/accounts/{id}", "GET " + V + "/accounts/{id}/holdings",
            "GET " + V + "/accounts/{id}/transactions");
    private static final List<String> CONTROL_READS = List.of("GET " + V + "/organizations/{id}/transfer-policy",
            "GET " + V + "/organizations/{id}/trusted-accounts");
    private static final List<String> PENDING_READS = List.of("GET " + V + "/pending-transfers", "GET " + V + "/pending-transfers/{id}");
    private static final List<String> PROPOSAL_READS = List.of("GET " + V + "/proposals", "GET " + V + "/proposals/{id}");
    private static final List<String> ARTICLE6_READS = List.of("GET " + V + "/authorizations", "GET " + V + "/authorizations/{id}",
            "GET " + V + "/reports/aef/{party}/{year}/{table}");

    private static final List<String> DISCLOSURE_READS = List.of("GET " + V + "/organizations/{id}/emissions/{id}",
            "GET " + V + "/organizations/{id}/disclosure/{id}");
    private static final List<String> DISCLOSURE_WRITES = List.of("POST " + V + "/organizations/{id}/emissions",
            "POST " + V + "/organizations/{id}/publications");

    private static final Map<Role, List<String>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.OPERATOR, ops(List.of(ME, "POST " + V + "/registries", "POST " + V + "/parties", "PUT " + V + "/parties/{id}",
                "POST " + V + "/third-party-entities", "PUT " + V + "/third-party-entities/{id}", ORGANIZATIONS, ORGANIZATION,
                UNIT_PROOF, CERTIFICATE, "GET " + V + "/ledger/events", UPLOAD, DOCUMENT, DOCUMENT_METADATA),
                PENDING_READS, CONTROL_READS, PROPOSAL_READS, DISCLOSURE_READS));
        TABLE.put(Role.REGISTRY_ADMIN, ops(List.of(ME, "POST " + V + "/organizations", ORGANIZATIONS, ORGANIZATION,
                "POST " + V + "/accounts", ACCOUNTS, "POST " + V + "/accounts/{id}/freeze", "POST " + V + "/accounts/{id}/unfreeze",
                "POST " + V + "/accounts/{id}/close", "POST " + V + "/issuances", "POST " + V + "/cancellations",
                "PUT " + V + "/organizations/{id}/transfer-policy", "POST " + V + "/proposals/{id}/approve",
                "POST " + V + "/proposals/{id}/reject", UNIT_PROOF, CERTIFICATE, UPLOAD, DOCUMENT, DOCUMENT_METADATA),
                ACCOUNT_READS, PENDING_READS, CONTROL_READS, PROPOSAL_READS, DISCLOSURE_READS));
        TABLE.put(Role.ACCOUNT_HOLDER, ops(List.of(ME, ORGANIZATION, "POST " + V + "/transfers", "POST " + V + "/transfer-batches",
                "POST " + V + "/cancellations", "POST " + V + "/retirements", "POST " + V + "/pending-transfers/{id}/approve",
                "POST " + V + "/pending-transfers/{id}/cancel", "POST " + V + "/organizations/{id}/trusted-accounts",
                "DELETE " + V + "/organizations/{id}/trusted-accounts/{id}", "GET " + V + "/issuance-requests", UNIT_PROOF,
                CERTIFICATE, "POST " + V + "/applications", "POST " + V + "/applications/{id}/project-idea",
                "POST " + V + "/applications/{id}/design", "POST " + V + "/applications/{id}/withdrawal",
                "POST " + V + "/applications/{id}/participant-changes", "POST " + V + "/applications/{id}/participant-changes/consent",
                "POST " + V + "/monitoring-cycles", "POST " + V + "/monitoring-cycles/{id}/report",
                "POST " + V + "/monitoring-cycles/{id}/issuance-request", UPLOAD, DOCUMENT, DOCUMENT_METADATA),
                ACCOUNT_READS, PENDING_READS, CONTROL_READS, DISCLOSURE_WRITES, DISCLOSURE_READS));
        TABLE.put(Role.GOVERNMENT, ops(List.of(ME, ORGANIZATIONS, ORGANIZATION, ACCOUNTS, "POST " + V + "/authorizations",
                "POST " + V + "/authorizations/{id}/amendments", "POST " + V + "/authorizations/{id}/revoke",
                "POST " + V + "/corresponding-adjustments", "POST " + V + "/proposals/{id}/approve",
                "POST " + V + "/proposals/{id}/reject", "POST " + V + "/applications/{id}/project-idea-review", CERTIFICATE,
                UPLOAD, DOCUMENT, DOCUMENT_METADATA), ACCOUNT_READS, ARTICLE6_READS, CONTROL_READS, PROPOSAL_READS));
        TABLE.put(Role.EXCHANGE, ops(List.of(ME)));
        TABLE.put(Role.AUDITOR, ops(List.of(ME, ORGANIZATIONS, ORGANIZATION, ACCOUNTS, UNIT_PROOF, CERTIFICATE,
                "GET " + V + "/ledger/events", "POST " + V + "/ledger/verify", DOCUMENT, DOCUMENT_METADATA),
                ACCOUNT_READS, ARTICLE6_READS, PENDING_READS, CONTROL_READS, PROPOSAL_READS, DISCLOSURE_READS));
        TABLE.put(Role.THIRD_PARTY_ENTITY, ops(List.of(ME, "POST " + V + "/applications/{id}/validation",
                "POST " + V + "/monitoring-cycles/{id}/verification", UPLOAD, DOCUMENT, DOCUMENT_METADATA)));
        TABLE.put(Role.JC_SECRETARIAT, ops(List.of(ME, "POST " + V + "/methodologies", "PUT " + V + "/methodologies/{id}",
                "POST " + V + "/applications/{id}/registration-decision", "POST " + V + "/monitoring-cycles/{id}/issuance-decision",
                UPLOAD, DOCUMENT, DOCUMENT_METADATA)));
    }

    private Capabilities() {
    }

    /** The operations {@code role} may call within its scope, in the table's order. */
    public static List<String> of(Role role) {
        return TABLE.get(role);
    }

    @SafeVarargs
    private static List<String> ops(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return Collections.unmodifiableList(all);
    }
}
