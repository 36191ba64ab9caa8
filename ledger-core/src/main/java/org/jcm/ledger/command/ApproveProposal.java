package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.ProposalId;

/**
 * Approves a pending proposal: a subject of the proposer's role and scope other than the proposer,
 * before the proposal expires. The proposed action is decided again on the state of this moment,
 * with the approver as its actor: if it is refused now, the approval is refused with that
 * rejection and the proposal stays pending.
 */
public record ApproveProposal(ProposalId proposalId) implements Command {
    public ApproveProposal {
        Objects.requireNonNull(proposalId, "proposalId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitApproveProposal(this);
    }
}
