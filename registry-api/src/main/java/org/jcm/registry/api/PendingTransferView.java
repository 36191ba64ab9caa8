package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pending transfer: what waits, who started it, when it executes or expires, who may approve it, how it ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A transfer held back by the transfer policy, and how it stands")
public record PendingTransferView(
        @Schema(example = "PT00000001") String id,
        @Schema(example = "MNG01-O0001") String organizationId,
        @Schema(description = "The source account's registry", example = "MNG01") String registryId,
        @Schema(example = "MNG01-H00001") String fromAccountId,
        @Schema(example = "JPN01-H00002") String toAccountId,
        @Schema(description = "Units, reserved in the source account while it is open", example = "250") long quantity,
        @Schema(description = "The trade it delivers, if any") String tradeId,
        String memo,
        @Schema(description = "The account holder who initiated it (token subject)") String initiator,
        @Schema(description = "The seq of its TransferPended event") long pendedSeq,
        @Schema(example = "2025-04-01T09:30:00.000Z") String proposedAt,
        @Schema(description = "Whether the destination was trusted when it was initiated") boolean destinationTrusted,
        @Schema(description = "Whether it needs a second account holder's approval") boolean needsApproval,
        @Schema(description = "The policy's delay, ISO 8601", example = "PT26H") String delay,
        @Schema(description = "When it expires unless approved (if it needs approval)") String expiresAt,
        @Schema(description = "When it executes (once no approval is missing)") String executeAt,
        @Schema(description = "AWAITING_APPROVAL, SCHEDULED, EXECUTED, CANCELLED or EXPIRED", example = "AWAITING_APPROVAL")
        String status,
        @Schema(description = "Who may approve it while it awaits approval: role and scope (another subject than the initiator, "
                + "with the claim approver: true)") Approver mayBeApprovedBy,
        @Schema(description = "Who approved it (token subject)") String approvedBy,
        @Schema(description = "When it executed, was cancelled or expired") String endedAt,
        @Schema(description = "Who ended it (token subject; jcm-writer when it came due)") String endedBy,
        @Schema(description = "Why it was cancelled (the holder's reason, or the rejection code when it could no longer "
                + "execute)") String endReason) {

    /** A role and scope whose holders (other than the initiator, with the approver claim) may approve. */
    @Schema(description = "Role and scope of who may approve")
    public record Approver(@Schema(example = "account-holder") String role, @Schema(example = "MNG01-O0001") String scope) {
    }
}
