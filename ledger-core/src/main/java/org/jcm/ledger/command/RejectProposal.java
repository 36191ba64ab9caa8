package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.ProposalId;

/**
 * Ends a pending proposal without executing it, with a reason. A subject of the proposer's role
 * and scope other than the proposer rejects it; the proposer itself may withdraw its own proposal
 * the same way (the proposal's outcome is then {@code WITHDRAWN}). Not after it expired.
 */
public record RejectProposal(ProposalId proposalId, String reason) implements Command {
    public RejectProposal {
        Objects.requireNonNull(proposalId, "proposalId");
        Checks.freeText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRejectProposal(this);
    }
}
