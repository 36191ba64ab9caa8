package org.jcm.registry.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.event.ActionCodec;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.state.Proposal;

/** One proposal of a four-eyes action, as {@code GET /api/v1/proposals} shows it. */
@Schema(description = "A proposal of a four-eyes action: what is proposed, by whom, until when, who may approve it, "
        + "and how it ended")
public record ProposalJson(
        @Schema(description = "Proposal id", example = "PR00000001") String id,
        @Schema(description = "ISSUANCE, FREEZE, UNFREEZE, CANCELLATION_FOR_CORRECTION, AUTHORIZATION, "
                + "AUTHORIZATION_AMENDMENT, AUTHORIZATION_REVOCATION or CORRESPONDING_ADJUSTMENT") String kind,
        @Schema(description = "The proposed command as submitted (its canonical JSON, with its type)") Map<String, Object> action,
        @Schema(description = "Who proposed it") ActorJson proposer,
        @Schema(description = "When it was proposed (RFC 3339, UTC, milliseconds)") String proposedAt,
        @Schema(description = "When it expires unless approved, rejected or withdrawn before") String expiresAt,
        @Schema(description = "PENDING, APPROVED, REJECTED, WITHDRAWN or EXPIRED. A proposal past expiresAt stays PENDING "
                + "until the writer records its expiry, but can no longer be approved or rejected") String status,
        @Schema(description = "Who may approve or reject it: this role and scope, another subject than the proposer's, "
                + "with a token carrying \"approver\": true") ApproverJson approver,
        @Schema(description = "Units reserved for it while pending (a cancellation for correction), 0 otherwise") long reservedQuantity,
        @Schema(description = "How it ended; null while pending") OutcomeJson outcome) {

    /** A token's role, subject and scope as the ledger records them. */
    public record ActorJson(String role, String subject, String scope) {
        static ActorJson of(Actor actor) {
            return new ActorJson(actor.role().wireName(), actor.subject(), actor.scope());
        }
    }

    /** The role and scope that may approve. */
    public record ApproverJson(String role, String scope) {
    }

    /** Who ended it (the approver, the rejecting subject, the proposer withdrawing, the writer), when and why. */
    public record OutcomeJson(ActorJson by, String at, String reason) {
    }

    /** The view of a proposal. */
    public static ProposalJson of(Proposal p) {
        OutcomeJson outcome = p.isPending() ? null : new OutcomeJson(ActorJson.of(p.endedBy().orElseThrow()),
                EventCodec.formatTime(p.endedAt().orElseThrow()), p.reason().orElse(null));
        return new ProposalJson(p.id().value(), p.kind().name(), ActionCodec.toJson(p.action()), ActorJson.of(p.proposer()),
                EventCodec.formatTime(p.madeAt()), EventCodec.formatTime(p.expiresAt()), p.status().name(),
                new ApproverJson(p.approverRole().wireName(), p.approverScope()), p.reservedQuantity(), outcome);
    }
}
