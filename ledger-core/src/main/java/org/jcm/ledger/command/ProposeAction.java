package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.id.InvalidValueException;

/**
 * Proposes a four-eyes action: the ledger checks the action's rules against the current state as
 * if the proposer issued it (a proposal that would be refused now is refused at once, with that
 * rejection, and nothing is recorded) and records a proposal that another subject of the same
 * role and scope approves ({@link ApproveProposal}) or rejects ({@link RejectProposal}) before it
 * expires. A cancellation can only be proposed for reason {@code CORRECTION}.
 */
public record ProposeAction(ProposableAction action) implements Command {
    public ProposeAction {
        Objects.requireNonNull(action, "action");
        if (action instanceof CancelCredits c && c.reason() != CancellationReason.CORRECTION) {
            throw new InvalidValueException("action.reason", c.reason().name(),
                    "only a cancellation for CORRECTION is proposed; other cancellations are made directly by the account holder");
        }
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitProposeAction(this);
    }
}
