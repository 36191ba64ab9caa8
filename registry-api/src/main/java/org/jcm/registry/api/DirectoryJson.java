package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The items of the directory lists: organizations and accounts of a registry or Party, and one's issuance requests. */
public final class DirectoryJson {

    private DirectoryJson() {
    }

    /** An organization in {@code GET /organizations}. */
    @Schema(description = "An organization of a registry")
    public record OrganizationItem(
            @Schema(example = "MNG01-O0001") String id,
            @Schema(example = "MNG01") String registryId,
            @Schema(description = "The registry's Party, ISO alpha-3", example = "MNG") String party,
            @Schema(example = "Example Trading Co., Ltd.") String name,
            @Schema(description = "How many accounts it has, open or closed", example = "2") long accounts) {
    }

    /** An account in {@code GET /accounts}. */
    @Schema(description = "An account of a registry")
    public record AccountItem(
            @Schema(example = "MNG01-H00001") String id,
            @Schema(example = "MNG01") String registryId,
            @Schema(description = "The owning organization; absent for the registry's cancellation and retirement accounts",
                    example = "MNG01-O0001") String organizationId,
            @Schema(description = "HOLDING, CANCELLATION or RETIREMENT", example = "HOLDING") String type,
            @Schema(example = "Main holding account") String name,
            @Schema(description = "OPEN or CLOSED", example = "OPEN") String status,
            @Schema(description = "Whether units may not leave it") boolean frozen) {
    }

    /** An issuance request in {@code GET /issuance-requests?mine=true}. */
    @Schema(description = "An issuance request of the caller's organization, with its state")
    public record IssuanceRequestItem(
            @Schema(example = "IR000001") String id,
            @Schema(example = "MN001") String projectId,
            @Schema(description = "The monitoring cycle it was made on; absent for requests made before the route",
                    example = "MC00000001") String monitoringCycleId,
            @Schema(example = "2024-01-01") String monitoringPeriodStart,
            @Schema(example = "2024-12-31") String monitoringPeriodEnd,
            @Schema(description = "Tonnes verified by the third-party entity", example = "10000") long verifiedQuantity,
            @Schema(description = "Tonnes issued on it so far", example = "0") long issuedQuantity,
            @Schema(description = "REQUESTED (waiting for the Joint Committee), DECIDED (shares decided, not all issued), "
                    + "ISSUED (every decided share issued, or everything verified), REJECTED", example = "REQUESTED")
            String state) {
    }
}
