package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A live block as the read endpoints show it: its serial and ITMO ids, where its units come from,
 * and its flags. {@code holder} is shown by the public endpoints (holder type and registry, never
 * the account); holdings leave it out because the account is the one asked about.
 *
 * @param serial {@code JCM-{projectId}-{vintage}-{firstUnit}-{lastUnit}}
 * @param firstItmoId the Article 6.2 id of the first unit; absent when the host Party has no cooperative approach
 * @param lastItmoId the Article 6.2 id of the last unit; absent likewise
 * @param hostParty the host Party, ISO alpha-3
 * @param projectId the JCM project
 * @param vintage the vintage year
 * @param firstUnit the first unit number (inclusive)
 * @param lastUnit the last unit number (inclusive)
 * @param quantity the number of units, {@code lastUnit - firstUnit + 1}
 * @param issuanceId the issuance that created the units
 * @param issuingRegistryId the registry that issued the units (the registry in the ITMO ids)
 * @param status {@code ACTIVE}, {@code CANCELLED} or {@code RETIRED}
 * @param label the Article 6 label: {@code NONE}, {@code AUTHORIZED} or {@code CA_APPLIED}
 * @param authorization the Article 6.2 authorization, absent when the units are not authorized
 * @param caState {@code NOT_REQUIRED}, {@code COMMITTED}, {@code PENDING} or {@code APPLIED}
 * @param firstTransferred whether the units were first transferred (set once, never reset)
 * @param holder where the block is held, on public endpoints only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockView(String serial, String firstItmoId, String lastItmoId, String hostParty, String projectId,
                        int vintage, long firstUnit, long lastUnit, long quantity, String issuanceId,
                        String issuingRegistryId, String status, String label, AuthorizationRef authorization,
                        String caState, boolean firstTransferred, HolderView holder) {
}
