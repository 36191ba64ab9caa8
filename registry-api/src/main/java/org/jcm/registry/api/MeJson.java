package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /me}: who the token says the caller is, where it acts, its accounts
 * (account holders) and what it may do.
 *
 * @param subject the token's subject
 * @param role the token's role, as in {@code groups}
 * @param scope where the role acts; absent for the operator and auditors, who act on every registry
 * @param accounts the organization's accounts, open and closed (account holders only)
 * @param may the operations the role may call within its scope (docs/security.md, "What each role may do")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The caller: role, scope, accounts and what it may do")
public record MeJson(
        @Schema(example = "alice@mng01-o0001") String subject,
        @Schema(example = "account-holder") String role,
        Scope scope,
        @Schema(description = "Account holders only: the organization's accounts by id") List<AccountSummary> accounts,
        @Schema(description = "METHOD path of every operation the role may call within its scope; public reads are left out",
                example = "[\"GET /api/v1/me\", \"POST /api/v1/transfers\"]") List<String> may) {

    /**
     * Where the caller acts.
     *
     * @param kind ORGANIZATION (account holder), REGISTRY (registry administrator), PARTY (government, JC
     *     secretariat), VENUE (exchange) or ENTITY (third-party entity)
     * @param id the scope claim's value
     * @param name the organization's name (account holders), absent when the registry has no such organization
     * @param registryId the registry of the organization or the registry itself
     * @param party the Party of that registry, or the Party itself
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Where the caller acts")
    public record Scope(
            @Schema(example = "ORGANIZATION") String kind,
            @Schema(example = "MNG01-O0001") String id,
            @Schema(example = "Example Trading Co., Ltd.") String name,
            @Schema(example = "MNG01") String registryId,
            @Schema(example = "MNG") String party) {
    }
}
