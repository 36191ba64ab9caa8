package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The units one allocation of an issuance received. The receiving account is not public; its
 * registry is (it is the issuing registry in the ITMO ids).
 *
 * @param registryId the registry the units were issued into
 * @param serial the allocation's range as a serial, {@code JCM-{projectId}-{vintage}-{first}-{last}}
 * @param firstItmoId the Article 6.2 id of the first unit; absent when the host Party has no cooperative approach
 * @param lastItmoId the Article 6.2 id of the last unit; absent likewise
 * @param firstUnit the first unit number
 * @param lastUnit the last unit number
 * @param quantity the number of units
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllocationDetails(String registryId, String serial, String firstItmoId, String lastItmoId,
                                long firstUnit, long lastUnit, long quantity) {
}
