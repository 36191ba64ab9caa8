package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of the application route's reads (docs/api.md, "The application route: reads"):
 * applications, monitoring cycles, their reviews and cited documents, and the review-time
 * statistics. Absent members are left out.
 */
public final class RouteJson {

    private RouteJson() {
    }

    /** Whose move it is, and where a government or JC secretariat holds it, which Parties'. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HeldBy")
    public record HeldBy(
            @Schema(description = "APPLICANT, HOST_GOVERNMENT, THIRD_PARTY_ENTITY, JC_SECRETARIAT, REGISTRY_ADMINISTRATORS or NOBODY")
            String holder,
            @Schema(description = "alpha-3 codes: the hosts still to confirm the PIN, or the first host whose JC secretariat decides")
            List<String> parties) {
    }

    /** How a project is financed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Financing")
    public record Financing(@Schema(description = "GOVERNMENT_FINANCED or PRIVATE") String kind, String programme,
                            String agency, int japanShareBasisPoints) {
    }

    /** The representative participant, the others and the proxy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApplicationParticipants")
    public record Participants(String representative, List<String> others, String proxy) {
    }

    /** An application in a list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApplicationSummary")
    public record ApplicationSummary(@Schema(example = "AP00000001") String id, String state, HeldBy heldBy, String title,
                                     List<String> hostParties, String methodologyId, Financing financing,
                                     Participants participants, String projectId, String submittedAt) {
    }

    /** Who decided a review: the role and its scope (no person's name). */
    @Schema(name = "ReviewDecidedBy")
    public record DecidedBy(String role, String scope) {
    }

    /** One review of a step, with its clock. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Review")
    public record Review(@Schema(description = "PROJECT_IDEA, VALIDATION, REGISTRATION, VERIFICATION or ISSUANCE_DECISION")
                         String step, String submittedAt, String decidedAt,
                         @Schema(description = "ACCEPT, RETURN or REJECT") String verdict, DecidedBy decidedBy,
                         String decisionReference, List<String> reasons) {
    }

    /** A document a step cites. */
    @Schema(name = "CitedDocument")
    public record CitedDocument(@Schema(description = "The review step the document was filed in") String step,
                                @Schema(description = "The ledger event that cites it") String event, long seq,
                                String sha256, String kind, String fileName, String mediaType, long size) {
    }

    /** An application with its reviews and documents. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApplicationDetails")
    public record ApplicationDetails(String id, String state, HeldBy heldBy, String title, List<String> hostParties,
                                     String methodologyId, Financing financing, Participants participants,
                                     Participants pendingParticipants, List<String> confirmedBy, String validator,
                                     String projectId, String submittedAt, List<CitedDocument> documents,
                                     List<Review> reviews) {
    }

    /** An allocation of a decided share. */
    @Schema(name = "DecidedAllocation")
    public record Allocation(String accountId, long quantity) {
    }

    /** One share of an issuance decision. */
    @Schema(name = "DecidedShare")
    public record Share(String registryId, String numberingHost, int vintage, List<Allocation> allocations) {
    }

    /** A monitoring cycle in a list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringCycleSummary")
    public record CycleSummary(@Schema(example = "MC00000001") String id, String projectId, String applicationId,
                               String state, HeldBy heldBy, LocalDate periodStart, LocalDate periodEnd,
                               long claimedQuantity, Long verifiedQuantity) {
    }

    /** A monitoring cycle with its shares, reviews and documents. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringCycleDetails")
    public record CycleDetails(String id, String projectId, String applicationId, String state, HeldBy heldBy,
                               LocalDate periodStart, LocalDate periodEnd, long claimedQuantity, Long verifiedQuantity,
                               String verifier, String issuanceRequestId, List<Share> shares,
                               @Schema(description = "Decided shares issued, as registry/vintage") List<String> issuedShares,
                               List<CitedDocument> documents, List<Review> reviews) {
    }

    /** Review times of one step, host Party, year and financing kind. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReviewTimeRow")
    public record ReviewTimeRow(String step, String party, int year,
                                @Schema(description = "GOVERNMENT_FINANCED, PRIVATE or ALL") String financing,
                                @Schema(description = "Reviews decided in the year") long decided,
                                @Schema(description = "Median days from submission to decision, 1 decimal") Double medianDays,
                                @Schema(description = "90th percentile days (continuous), 1 decimal") Double p90Days,
                                @Schema(description = "Reviews submitted in the year and not decided") long open) {
    }

    /** The review-time statistics. */
    @Schema(name = "ReviewTimes")
    public record ReviewTimes(List<ReviewTimeRow> rows) {
    }
}
